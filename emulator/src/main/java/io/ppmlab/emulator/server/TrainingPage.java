package io.ppmlab.emulator.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

import java.io.InputStream;
import java.util.Map;

/**
 * The training page: static ES modules served from the jar under {@code /lab/ui/}, which act only through the
 * Web API and the lab's routes, as any client would. The policy header keeps the page to its own origin (nothing
 * from a CDN, no inline script).
 */
final class TrainingPage {
    static final String PATH = "/lab/ui";

    private TrainingPage() {}

    private static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
            "Cache-Control", "no-cache",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");

    static void serve(JavalinConfig cfg) {
        cfg.staticFiles.add(files -> {
            files.hostedPath = PATH;
            files.directory = "/lab/ui";
            files.location = Location.CLASSPATH;
            files.headers = HEADERS;
        });
        // the page's modules are addressed relative to /lab/ui/, so the bare path redirects there
        cfg.routes.get(PATH, ctx -> {
            if (!ctx.path().endsWith("/")) {
                ctx.redirect(PATH + "/");
                return;
            }
            try (InputStream index = TrainingPage.class.getResourceAsStream("/lab/ui/index.html")) {
                HEADERS.forEach(ctx::header);
                ctx.contentType("text/html; charset=utf-8").result(index.readAllBytes());
            }
        });
    }
}
