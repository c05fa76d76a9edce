package io.ppmlab.emulator.acceptance;

import io.ppmlab.emulator.server.Emulator;
import io.ppmlab.emulator.server.ServerConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * JUnit extension: one real emulator per test class, on a random port over a fresh data directory
 * loaded with the demo organisation. Register with {@code @RegisterExtension static RunningEmulator lab = ...}.
 */
final class RunningEmulator implements BeforeAllCallback, AfterAllCallback {
    private final UnaryOperator<ServerConfig> tune;
    private final boolean resettable;
    private Emulator emulator;
    private Path dataDir;
    private LabHttp http;

    RunningEmulator() { this(c -> c, false); }

    /** An emulator whose configuration {@code tune} changes (e.g. small service protection limits). */
    RunningEmulator(UnaryOperator<ServerConfig> tune) { this(tune, false); }

    /** {@code resettable}: a start snapshot is taken, so that {@code POST /lab/reset} works (as {@code lab train} starts it). */
    RunningEmulator(UnaryOperator<ServerConfig> tune, boolean resettable) {
        this.tune = tune;
        this.resettable = resettable;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        dataDir = Files.createTempDirectory(tmp, "lab-" + context.getRequiredTestClass().getSimpleName());
        emulator = Emulator.start(tune.apply(ServerConfig.defaults(dataDir).withDataset("demo")), line -> {}, resettable);
        http = new LabHttp(emulator.port());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) emulator.close();
    }

    Emulator emulator() { return emulator; }

    LabHttp http() { return http; }

    Path dataDir() { return dataDir; }

    String adminToken() { return http.token("admin@contoso.test", "demo"); }

    /** Stops and starts the emulator over the same data directory and port (tokens name the port as audience). */
    void restart() {
        int port = emulator.port();
        emulator.close();
        emulator = Emulator.start(tune.apply(ServerConfig.defaults(dataDir).withPort(port)), line -> {});
        http = new LabHttp(emulator.port());
    }

    static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
