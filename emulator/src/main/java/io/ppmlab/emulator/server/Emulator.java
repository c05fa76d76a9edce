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
    private final Services services;
    private final LatencyInjector latency;

    private Emulator(Javalin app, Services services, LatencyInjector latency) {
        this.app = app;
        this.services = services;
        this.latency = latency;
    }

    public static Emulator start(ServerConfig config, Consumer<String> log) {
        Services services = Services.open(config, log);
        try {
            IdentityRoutes identity = new IdentityRoutes(services.tokenIssuer(), services.openIdDocuments(), services.product().signIns());
            LabGroupRoutes groups = services.labGroups();
            LabPlatformRoutes platform = new LabPlatformRoutes(services);
            LatencyInjector latency = new LatencyInjector(services.platform().latency());
            Javalin app = Javalin.create(cfg -> {
                cfg.jetty.host = config.bind();
                cfg.jetty.port = services.port();
                cfg.startup.showJavalinBanner = false;
                cfg.http.maxRequestSize = config.maxBodyBytes() + 1;
                // URLs up to Dataverse's 32 KB limit (and 64 KB inside $batch) must reach the API, which answers in Dataverse's shape
                cfg.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(80 * 1024));
                cfg.jsonMapper(new JavalinJackson(null, false));
                cfg.jetty.modifyServletContextHandler(WireMethodFilter::install); // the request line's method only
                // Jetty's own refusals (bad request lines, headers, escapes, over-long URLs) in Dataverse's shape
                cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
                cfg.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrorHandler()));
                cfg.routes.error(404, "*", ApiEdge::notFound);
                cfg.routes.exception(Exception.class, ApiEdge::unexpected);
                // The route table: identity, then the Web API, then the lab's own endpoints.
                cfg.routes.post(OpenIdDocuments.TOKEN_ROUTE, identity::token);
                cfg.routes.get(OpenIdDocuments.DISCOVERY_ROUTE, identity::discovery);
                cfg.routes.get(OpenIdDocuments.JWKS_ROUTE, identity::keys);
                for (HandlerType method : ApiEdge.METHODS) {
                    cfg.routes.addHttpHandler(method, "/api/data/{version}", ctx -> api(ctx, services, config, latency));
                    cfg.routes.addHttpHandler(method, "/api/data/{version}/<path>", ctx -> api(ctx, services, config, latency));
                }
                // bare JSON endpoint: liveness, and the baseline the HTTP benchmarks compare the Web API against
                cfg.routes.get("/lab/health", ctx -> ctx.json(java.util.Map.of("status", "ok")));
                cfg.routes.get("/lab/groups/{teamId}", groups::show);             // an Entra group next to its team (admin)
                cfg.routes.post("/lab/groups/{teamId}/members", groups::members); // change a group's members (admin)
                cfg.routes.post("/lab/groups/sync", groups::sync);                // force the group sync now (admin)
                cfg.routes.get("/lab/storage", groups::storage);                  // storage meter: bytes and modelled quota (admin)
                cfg.routes.get("/metrics", platform::prometheus);                 // Prometheus text format (counts only)
                cfg.routes.get("/lab/metrics.json", platform::metricsJson);       // the same figures per request name, for the harness
                cfg.routes.post("/lab/metrics/reset", platform::resetMetrics);    // zero the JSON view (after a warm-up)
                cfg.routes.get("/lab/clock", platform::clock);                    // the lab clock (admin)
                cfg.routes.post("/lab/clock", platform::moveClock);               // set or advance it (admin)
            });
            app.start();
            log.accept("emulator listening on http://" + config.bind() + ":" + app.port() + "/api/data/v9.2/");
            return new Emulator(app, services, latency);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
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
        services.metrics().record(new Observation(ctx.header(REQUEST_NAME_HEADER), response.status(), System.nanoTime() - started,
                handled.modelledMs(), handled.work(), response.body().length, handled.throttled()));
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

    public LabClock clock() { return services.clock(); }

    public Services services() { return services; }

    @Override
    public void close() {
        app.stop();
        latency.close();
        services.close();
    }
}
