package io.ppmlab.emulator.cli;

import io.ppmlab.emulator.server.Emulator;
import io.ppmlab.emulator.server.ServerConfig;
import picocli.CommandLine.Command;
import io.ppmlab.emulator.server.PlatformConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: start the emulator and keep it running until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the Dataverse Web API emulator.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "${env:LAB_PORT:-5555}",
            description = "Port to listen on; 0 picks a free one (printed). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", defaultValue = "${env:LAB_BIND:-127.0.0.1}",
            description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--data-dir", defaultValue = "${env:LAB_DATA_DIR:-lab-data}",
            description = "Data directory (tables, signing key, journal). Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--dataset", defaultValue = "${env:LAB_DATASET}",
            description = "Profile to load when the data directory is empty: demo, or a generated profile (limits, stress) with its default knobs. Ignored when it holds data.")
    String dataset;

    @Option(names = "--token-lifetime", defaultValue = "PT1H",
            description = "Lifetime of issued access tokens (ISO-8601 duration). Default: ${DEFAULT-VALUE}.")
    Duration tokenLifetime;

    @Option(names = "--max-body-bytes", defaultValue = "16777216",
            description = "Request bodies above this size are refused with 413. Default: ${DEFAULT-VALUE}.")
    long maxBodyBytes;

    @Option(names = "--fsync", defaultValue = "${env:LAB_FSYNC:-false}",
            description = "Force each write batch to disk before acknowledging it (survives power loss, not only kill -9; "
                    + "costs a disk flush per batch). Default: ${DEFAULT-VALUE}.")
    boolean fsync;

    @Option(names = "--index-dates", defaultValue = "false",
            description = "Also index date-only columns by day: closed day ranges (a heat map's months) then start or narrow a query. "
                    + "Reads far fewer rows for such queries, and costs every bulk write of dated rows more (README). Default: ${DEFAULT-VALUE}.")
    boolean indexDates;

    @Mixin
    PlatformOptions platform;

    @Spec
    CommandSpec spec;

    @Option(names = "--resettable", defaultValue = "false",
            description = "Snapshot the data directory once loaded, so that an admin's POST /lab/reset (the training page's Reset) puts it back.")
    boolean resettable;

    @Override
    public Integer call() throws Exception {
        PlatformConfig platformConfig;
        try {
            platformConfig = platform.config();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ServerConfig config = new ServerConfig(bind, port, dataDir, Optional.ofNullable(dataset), tokenLifetime, maxBodyBytes, fsync, platformConfig, indexDates);
        Emulator emulator = Emulator.start(config, System.out::println, resettable);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "lab-shutdown"));
        stopped.await();
        return 0;
    }
}
