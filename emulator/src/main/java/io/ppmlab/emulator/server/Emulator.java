package io.ppmlab.emulator.server;

import io.javalin.Javalin;
import io.ppmlab.emulator.clock.LabClock;

import java.util.function.Consumer;

/** A running emulator: storage, services and the HTTP server, wired from a {@link ServerConfig}. */
public final class Emulator implements AutoCloseable {
    private final Javalin app;
    private final LabClock clock = LabClock.system();

    private Emulator(Javalin app) { this.app = app; }

    public LabClock clock() { return clock; }

    public static Emulator start(ServerConfig config, Consumer<String> log) {
        Javalin app = Javalin.create(cfg -> {
            cfg.jetty.host = config.bind();
            cfg.jetty.port = config.port();
            cfg.startup.showJavalinBanner = false;
        });
        app.start();
        log.accept("emulator listening on http://" + config.bind() + ":" + app.port() + "/api/data/v9.2/");
        return new Emulator(app);
    }

    public int port() { return app.port(); }

    @Override
    public void close() { app.stop(); }
}
