package io.ppmlab.emulator.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.auth.OpenIdDocuments;
import io.ppmlab.emulator.metrics.Observation;
import io.ppmlab.emulator.clock.LabClock;
import io.ppmlab.emulator.errors.ErrorCode;

import java.util.function.Consumer;

/** A running emulator: the services of a {@link Services} graph behind Javalin's route table. */
public final class Emulator implements AutoCloseable {
    /** The client's name for a request; the metrics aggregate by it (see {@code LabMetrics.MAX_NAMES}). */
    public static final String REQUEST_NAME_HEADER = "x-lab-request-name";

    private final Javalin app;
    private final LiveServices live;
    private final StartSnapshot snapshot;
    private final LatencyInjector latency;

    private Emulator(Javalin app, LiveServices live, StartSnapshot snapshot, LatencyInjector latency) {
        this.app = app;
        this.live = live;
        this.snapshot = snapshot;
        this.latency = latency;
    }

    public static Emulator start(ServerConfig config, Consumer<String> log) {
        return start(config, log, false);
    }

    /**
     * Starts the emulator and, when {@code resettable}, takes a snapshot of its data directory once the dataset is
     * loaded, so that an admin's {@code POST /lab/reset} can put the data back as it was at this start.
     */
    public static Emulator start(ServerConfig config, Consumer<String> log, boolean resettable) {
        Services first = Services.open(config, log);
        StartSnapshot snapshot = null;
        if (resettable) {
            // a snapshot copies a closed directory: close, copy, reopen on the same port and clock
            int port = first.port();
            first.resourcing().capacity().catchUp(); // the snapshot holds the capacity of the horizon, so a reset need not recompute it
            first.close();
            snapshot = StartSnapshot.take(config.dataDir(), log);
            first = Services.open(config.withPort(port), log, first.clock());
        }
        LiveServices live = new LiveServices(first, config, log);
        try {
            LabResetRoutes reset = new LabResetRoutes(live, snapshot);
            // latency injection is configuration, not data: one injector across resets
            LatencyInjector latency = new LatencyInjector(first.platform().latency());
            Javalin app = Javalin.create(cfg -> {
                cfg.jetty.host = config.bind();
                cfg.jetty.port = live.current().port();
                cfg.startup.showJavalinBanner = false;
                cfg.http.maxRequestSize = config.maxBodyBytes() + 1;
                // URLs up to Dataverse's 32 KB limit (and 64 KB inside $batch) must reach the API, which answers in Dataverse's shape
                cfg.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(80 * 1024));
                cfg.jsonMapper(new JavalinJackson(null, false));
                cfg.jetty.modifyServletContextHandler(WireMethodFilter::install); // the request line's method only
                cfg.jetty.modifyServletContextHandler(PercentEncodingFilter::install); // no undecodable path reaches routing
                // Jetty's own refusals (bad request lines, headers, escapes, over-long URLs) in Dataverse's shape
                cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
                cfg.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrorHandler()));
                cfg.routes.error(404, "*", ApiEdge::notFound);
                cfg.routes.exception(Exception.class, ApiEdge::unexpected);
                TrainingPage.serve(cfg);
                // The route table: identity, then the Web API, then the lab's own endpoints.
                cfg.routes.post(OpenIdDocuments.TOKEN_ROUTE, ctx -> live.read(s -> s.identity()).token(ctx));
                cfg.routes.get(OpenIdDocuments.DISCOVERY_ROUTE, ctx -> live.read(s -> s.identity()).discovery(ctx));
                cfg.routes.get(OpenIdDocuments.JWKS_ROUTE, ctx -> live.read(s -> s.identity()).keys(ctx));
                for (HandlerType method : ApiEdge.METHODS) {
                    cfg.routes.addHttpHandler(method, "/api/data/{version}", ctx -> on(live, ctx, s -> api(ctx, s, config, latency)));
                    cfg.routes.addHttpHandler(method, "/api/data/{version}/<path>", ctx -> on(live, ctx, s -> api(ctx, s, config, latency)));
                }
                // bare JSON endpoint: liveness, and the baseline the HTTP benchmarks compare the Web API against
                cfg.routes.get("/lab/health", ctx -> ctx.json(java.util.Map.of("status", "ok")));
                cfg.routes.get("/lab/groups/{teamId}", ctx -> on(live, ctx, s -> s.labGroups().show(ctx)));             // an Entra group next to its team (admin)
                cfg.routes.post("/lab/groups/{teamId}/members", ctx -> on(live, ctx, s -> s.labGroups().members(ctx))); // change a group's members (admin)
                cfg.routes.post("/lab/groups/sync", ctx -> on(live, ctx, s -> s.labGroups().sync(ctx)));                // force the group sync now (admin)
                cfg.routes.get("/lab/storage", ctx -> on(live, ctx, s -> s.labGroups().storage(ctx)));                  // storage meter: bytes and modelled quota (admin)
                cfg.routes.get("/metrics", ctx -> on(live, ctx, s -> new LabPlatformRoutes(s).prometheus(ctx)));        // Prometheus text format (counts only)
                cfg.routes.get("/lab/metrics.json", ctx -> on(live, ctx, s -> new LabPlatformRoutes(s).metricsJson(ctx))); // the same figures per request name, for the harness
                cfg.routes.post("/lab/metrics/reset", ctx -> on(live, ctx, s -> new LabPlatformRoutes(s).resetMetrics(ctx))); // zero the JSON view (after a warm-up)
                cfg.routes.get("/lab/clock", ctx -> on(live, ctx, s -> new LabPlatformRoutes(s).clock(ctx)));           // the lab clock (admin)
                cfg.routes.post("/lab/clock", ctx -> on(live, ctx, s -> new LabPlatformRoutes(s).moveClock(ctx)));     // set or advance it (admin)
                cfg.routes.get("/lab/reset", reset::show);                                                              // whether Reset is available
                cfg.routes.post("/lab/reset", reset::reset);                                                            // restore the start snapshot (admin)
            });
            app.start();
            log.accept("emulator listening on http://" + config.bind() + ":" + app.port() + "/api/data/v9.2/");
            return new Emulator(app, live, snapshot, latency);
        } catch (RuntimeException e) {
            live.close();
            if (snapshot != null) snapshot.delete();
            throw e;
        }
    }

    /** Runs a handler on the current services graph (under the read lock, so a Reset waits for it). */
    private static void on(LiveServices live, Context ctx, Consumer<Services> handler) {
        live.read(s -> {
            handler.accept(s);
            return null;
        });
    }

    private static void api(Context ctx, Services services, ServerConfig config, LatencyInjector latency) {
        long started = System.nanoTime();
        long length = ctx.req().getContentLengthLong();
        if (length > config.maxBodyBytes()) {
            // refused before reading, so an oversized body never reaches the parser or the store
            HttpExchange.write(ctx, ErrorBody.of(ErrorCode.REQUEST_TOO_LARGE.error(length, config.maxBodyBytes())));
            return;
        }
        DataverseApi.Handled handled = services.api().handle(HttpExchange.toApiRequest(ctx));
        ApiResponse response = handled.response();
        if (services.metrics().recording()) {
            services.metrics().record(new Observation(ctx.header(REQUEST_NAME_HEADER), response.status(), System.nanoTime() - started,
                    handled.modelledMs(), handled.work(), response.body().length, handled.throttled()));
        }
        // a refusal is answered at once; anything else after the modelled (or fixed) time when latency injection is on
        long delay = handled.throttled() == null ? latency.delayMicros(handled.modelledMs()) : 0;
        if (delay == 0) {
            try {
                HttpExchange.write(ctx, response);
            } finally {
                close(handled);
            }
            return;
        }
        ctx.future(() -> latency.after(delay).whenComplete((v, e) -> {
            try {
                HttpExchange.write(ctx, response);
            } finally {
                close(handled);
            }
        }));
    }

    /** The request leaves the concurrency facet once its answer is on its way. */
    private static void close(DataverseApi.Handled handled) {
        if (handled.admission() != null) handled.admission().close();
    }

    public int port() { return app.port(); }

    public LabClock clock() { return live.current().clock(); }

    /** The current services graph (a Reset replaces it). */
    public Services services() { return live.current(); }

    @Override
    public void close() {
        app.stop();
        latency.close();
        live.close();
        if (snapshot != null) snapshot.delete();
    }
}
