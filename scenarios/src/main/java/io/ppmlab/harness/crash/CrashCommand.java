package io.ppmlab.harness.crash;

import io.ppmlab.emulator.store.snapshot.DataSnapshot;
import io.ppmlab.harness.measure.ScratchDirectories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code crash}: the kill -9 acceptance test of large resource-plan saves, as a command for long runs. The emulator
 * processes run the server jar: {@code -Dlab.emulatorJar}, else {@code emulator/target/emulator.jar} under
 * {@code -Dlab.home} (both set by {@code ./lab}), else under the working directory.
 */
@Command(name = "crash", mixinStandardHelpOptions = true,
        description = {"Starts an emulator process on a scratch data directory (demo dataset), sends large resource-plan saves",
                "(sensei_SaveResourcePlan) over HTTP and kills it with SIGKILL at a random moment, round after round; after each",
                "restart checks that the store opened and every save is whole or absent (acknowledged saves whole).",
                "Exit code 0 when every round passed, 1 when a save was mixed or lost or the store did not open, 2 for bad options."})
public final class CrashCommand implements Callable<Integer> {

    @Option(names = "--rounds", defaultValue = "20", description = "Kills (each followed by a restart and a check). Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--resources", defaultValue = "90", description = "Resources in every plan. Default: ${DEFAULT-VALUE}.")
    int resources;

    @Option(names = "--months", defaultValue = "6",
            description = "Months of daily cells per resource from January 2027; resources × months at most 540 (45 resource-years). "
                    + "Default: ${DEFAULT-VALUE}.")
    int months;

    @Option(names = "--saves", defaultValue = "4",
            description = "The kill lands uniformly within the expected duration of this many saves; as many again are queued behind "
                    + "them (sent back to back: new plan, re-save, ...), so a save is under way at the kill. Default: ${DEFAULT-VALUE}.")
    int saves;

    @Option(names = "--seed", description = "Seed of the project choice and kill moments. Default: the clock.")
    Long seed;

    @Option(names = "--data-dir",
            description = "Data directory to use, empty or absent; kept afterwards. Default: a temporary one, deleted when the run passes.")
    Path dataDir;

    @Option(names = "--json", description = "Also write the report (every round) as JSON to this file.")
    Path json;

    @Option(names = "--heap", defaultValue = "1g", description = "-Xmx of the emulator process. Default: ${DEFAULT-VALUE}.")
    String heap;

    @Override
    public Integer call() throws Exception {
        Path scratch = null;
        Path dir = dataDir;
        if (dir == null) {
            scratch = Files.createTempDirectory("lab-crash");
            dir = scratch.resolve("data");
        } else if (ScratchDirectories.holdsFiles(dir)) {
            System.err.println("data directory " + dir + " is not empty: give an empty or new one");
            return 2;
        }
        CrashSettings settings;
        try {
            settings = new CrashSettings(rounds, resources, months, saves, seed == null ? System.nanoTime() : seed, dir, heap, emulatorJar());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            if (scratch != null) DataSnapshot.deleteTree(scratch);
            return 2;
        }
        PlanSaveCrashLoop loop = new PlanSaveCrashLoop(settings, System.out);
        CrashReport report = loop.run();
        System.out.println(report.summary());
        if (json != null) Files.writeString(json, report.toJson());
        if (!report.passed()) {
            System.out.println("kept for inspection: " + dir + " and the emulator output in " + loop.logDir());
            return 1;
        }
        if (scratch != null) DataSnapshot.deleteTree(scratch);
        return 0;
    }

    private static Path emulatorJar() {
        Path home = Path.of(System.getProperty("lab.home", ".")).toAbsolutePath().normalize();
        return Path.of(System.getProperty("lab.emulatorJar", home.resolve("emulator/target/emulator.jar").toString()));
    }
}
