package io.ppmlab.emulator.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.ppmlab.emulator.auth.OpenIdDocuments;
import io.ppmlab.emulator.clock.LabClock;
import io.ppmlab.emulator.errors.ErrorCode;

import java.util.function.Consumer;

/** A running emulator: the services of a {@link Services} graph behind Javalin's route table. */
public final class Emulator implements AutoCloseable {
    private final Javalin app;
    private final Services services;

    private Emulator(Javalin app, Services services) {
        this.app = app;
        this.services = services;
    }

    public static Emulator start(ServerConfig config, Consumer<String> log) {
        Services services = Services.open(config, log);
        try {
            IdentityRoutes identity = new IdentityRoutes(services.tokenIssuer(), services.openIdDocuments(), services.product().signIns());
            LabGroupRoutes groups = services.labGroups();
            Javalin app = Javalin.create(cfg -> {
                cfg.jetty.host = config.bind();
                cfg.jetty.port = services.port();
                cfg.startup.showJavalinBanner = false;
                cfg.http.maxRequestSize = config.maxBodyBytes() + 1;
                // URLs up to Dataverse's 32 KB limit (and 64 KB inside $batch) must reach the API, which answers in Dataverse's shape
                cfg.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(80 * 1024));
                cfg.jsonMapper(new JavalinJackson(null, false));
                cfg.jetty.modifyServletContextHandler(WireMethodFilter::install); // the request line's method only
                // The route table: identity, then the Web API, then the lab's own endpoints.
                cfg.routes.post(OpenIdDocuments.TOKEN_ROUTE, identity::token);
                cfg.routes.get(OpenIdDocuments.DISCOVERY_ROUTE, identity::discovery);
                cfg.routes.get(OpenIdDocuments.JWKS_ROUTE, identity::keys);
                for (HandlerType method : new HandlerType[]{HandlerType.GET, HandlerType.POST, HandlerType.PATCH, HandlerType.PUT, HandlerType.DELETE}) {
                    cfg.routes.addHttpHandler(method, "/api/data/{version}", ctx -> api(ctx, services, config));
                    cfg.routes.addHttpHandler(method, "/api/data/{version}/<path>", ctx -> api(ctx, services, config));
                }
                // bare JSON endpoint: liveness, and the baseline the HTTP benchmarks compare the Web API against
                cfg.routes.get("/lab/health", ctx -> ctx.json(java.util.Map.of("status", "ok")));
                cfg.routes.get("/lab/groups/{teamId}", groups::show);             // an Entra group next to its team (admin)
                cfg.routes.post("/lab/groups/{teamId}/members", groups::members); // change a group's members (admin)
                cfg.routes.post("/lab/groups/sync", groups::sync);                // force the group sync now (admin)
                cfg.routes.get("/lab/storage", groups::storage);                  // storage meter: bytes and modelled quota (admin)
            });
            app.start();
            log.accept("emulator listening on http://" + config.bind() + ":" + app.port() + "/api/data/v9.2/");
            return new Emulator(app, services);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    private static void api(Context ctx, Services services, ServerConfig config) {
        long length = ctx.req().getContentLengthLong();
        if (length > config.maxBodyBytes()) {
            // refused before reading, so an oversized body never reaches the parser or the store
            HttpExchange.write(ctx, ErrorBody.of(ErrorCode.REQUEST_TOO_LARGE.error(length, config.maxBodyBytes())));
            return;
        }
        HttpExchange.write(ctx, services.api().handle(HttpExchange.toApiRequest(ctx)));
    }

    public int port() { return app.port(); }

    public LabClock clock() { return services.clock(); }

    public Services services() { return services; }

    @Override
    public void close() {
        app.stop();
        services.close();
    }
}
