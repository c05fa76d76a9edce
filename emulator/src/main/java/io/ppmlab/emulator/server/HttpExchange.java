package io.ppmlab.emulator.server;

import io.javalin.http.Context;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;

import java.util.Enumeration;
import java.util.TreeMap;

/** The only place that turns a Javalin {@link Context} into our request record and writes our response back. */
final class HttpExchange {
    static final String API_PREFIX = "/api/data/";
    private static final byte[] EMPTY = new byte[0];

    private HttpExchange() {}

    /** The request below {@code /api/data/<version>/}; the path stays percent-encoded for the OData parser. */
    static ApiRequest toApiRequest(Context ctx) {
        String uri = ctx.req().getRequestURI();
        String afterPrefix = uri.substring(uri.indexOf(API_PREFIX) + API_PREFIX.length());
        int slash = afterPrefix.indexOf('/');
        String version = slash < 0 ? afterPrefix : afterPrefix.substring(0, slash);
        String path = slash < 0 ? "" : afterPrefix.substring(slash + 1);
        // straight into the case-insensitive map the request record keeps (no intermediate copies: hot path)
        TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Enumeration<String> names = ctx.req().getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            headers.putIfAbsent(name, ctx.req().getHeader(name));
        }
        String base = ctx.scheme() + "://" + ctx.host() + API_PREFIX + version + "/";
        return new ApiRequest(ctx.method().name(), version, path, ctx.queryString(), headers, body(ctx), base);
    }

    /** No body to read when the request says so (a GET): reading an empty stream still allocates buffers. */
    private static byte[] body(Context ctx) {
        if (ctx.req().getContentLengthLong() <= 0 && ctx.req().getHeader("Transfer-Encoding") == null) return EMPTY;
        return ctx.bodyAsBytes();
    }

    /** Set on every context this class answered, so the 404 fallback leaves the API's own 404s alone. */
    static final String ANSWERED = "lab.answered";

    static void write(Context ctx, ApiResponse response) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(response.status());
        response.headers().forEach(ctx::header);
        ctx.header("OData-Version", "4.0");
        if (response.contentType() != null) ctx.contentType(response.contentType());
        if (response.body().length > 0) ctx.result(response.body());
    }
}
