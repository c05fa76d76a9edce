package io.ppmlab.emulator.cli;

import io.ppmlab.emulator.meter.MeterReport;
import io.ppmlab.emulator.meter.StorageMeter;
import io.ppmlab.emulator.store.ChronicleStore;
import io.ppmlab.emulator.store.StoreOptions;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code meter}: the storage meter over a data directory the emulator does not have open. */
@Command(name = "meter", mixinStandardHelpOptions = true,
        description = {"Per table: rows, bytes held by the store, and the Dataverse database quota the same rows would take",
                "(row-size model in the README); then the capacity quota per resource-year.",
                "Opens the data directory itself: stop the emulator first, or use its admin endpoint."})
public final class MeterCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "${env:LAB_DATA_DIR:-lab-data}",
            description = "Data directory to measure. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dataDir.resolve("tables"))) {
            System.err.println("no store in " + dataDir);
            return 2;
        }
        Schema schema = SchemaLoader.loadDefault();
        try (ChronicleStore store = new ChronicleStore(dataDir, schema, StoreOptions.defaults())) {
            if (!store.recoveryReport().nothingToRecover()) System.err.println(store.recoveryReport().summary());
            MeterReport report = StorageMeter.measure(store, schema);
            System.out.println(json ? report.toJson() : report.toText());
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("cannot open " + dataDir + ": " + e.getMessage());
            return 1;
        }
    }
}
