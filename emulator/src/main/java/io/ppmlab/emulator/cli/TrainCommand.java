package io.ppmlab.emulator.cli;

import io.ppmlab.emulator.server.Emulator;
import io.ppmlab.emulator.server.PlatformConfig;
import io.ppmlab.emulator.store.snapshot.DataSnapshot;
import io.ppmlab.emulator.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code train}: the demo organisation in a fresh data directory, resettable, and the address of the training page.
 * The same as {@code serve --dataset demo --resettable} on a new directory, which is removed at exit.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Start the demo organisation for a training session and print the training page's address.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "${env:LAB_PORT:-5555}",
            description = "Port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", defaultValue = "${env:LAB_BIND:-127.0.0.1}",
            description = "Address to listen on (a projector on another machine needs the room's address). Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--data-dir",
            description = "Keep the session's data here (loaded with the demo when empty). Default: a new temporary directory, removed at exit.")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("lab-train-") : dataDir;
        ServerConfig config = new ServerConfig(bind, port, dir, Optional.of("demo"), Duration.ofHours(8), ServerConfig.DEFAULT_MAX_BODY, false, PlatformConfig.DEFAULT, false);
        Emulator emulator = Emulator.start(config, System.out::println, true);
        System.out.println();
        System.out.println("Training page: http://" + bind + ":" + emulator.port() + "/lab/ui/");
        System.out.println("Every demo user's password is 'demo'. Ctrl+C ends the session" + (temporary ? " and removes " + dir : "") + ".");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            if (temporary) {
                try {
                    DataSnapshot.deleteTree(dir);
                } catch (java.io.IOException e) {
                    System.err.println("could not remove " + dir + ": " + e.getMessage());
                }
            }
            stopped.countDown();
        }, "lab-shutdown"));
        stopped.await();
        return 0;
    }
}
