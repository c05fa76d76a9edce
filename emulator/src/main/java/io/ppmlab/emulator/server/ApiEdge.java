package io.ppmlab.emulator.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.ppmlab.emulator.errors.ErrorCode;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What Javalin would otherwise answer itself under {@code /api/data} (its plain-text 404 for an unrouted method
 * or path, its 500 for an exception outside the pipeline), answered in Dataverse's error shape instead.
 */
final class ApiEdge {
    private static final Logger LOG = Logger.getLogger(ApiEdge.class.getName());
    /** Every method routed to the Web API; those it does not serve on a path are refused there with 405. */
    static final HandlerType[] METHODS = {HandlerType.GET, HandlerType.POST, HandlerType.PATCH, HandlerType.PUT, HandlerType.DELETE,
            HandlerType.OPTIONS, HandlerType.TRACE, HandlerType.QUERY};

    private ApiEdge() {}

    static void notFound(Context ctx) {
        if (!underApi(ctx) || ctx.attribute(HttpExchange.ANSWERED) != null) return;
        String path = ctx.req().getRequestURI();
        HttpExchange.write(ctx, ErrorBody.of(ErrorCode.RESOURCE_NOT_FOUND.error(lastSegment(path))));
    }

    static void unexpected(Exception e, Context ctx) {
        LOG.log(Level.SEVERE, "unexpected failure on " + ctx.req().getMethod() + " " + ctx.req().getRequestURI(), e);
        HttpExchange.write(ctx, ErrorBody.of(ErrorCode.INTERNAL.error("the request could not be completed")));
    }

    private static boolean underApi(Context ctx) {
        String uri = ctx.req().getRequestURI();
        return uri != null && (uri.startsWith(HttpExchange.API_PREFIX) || uri.equals("/api/data"));
    }

    private static String lastSegment(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return last.length() > 200 ? last.substring(0, 200) : last;
    }
}
