package io.ppmlab.emulator.server;

import io.javalin.http.Context;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** The only place that turns a Javalin {@link Context} into our request record and writes our response back. */
final class HttpExchange {
    static final String API_PREFIX = "/api/data/";

    private HttpExchange() {}

    /** The request below {@code /api/data/<version>/}; the path stays percent-encoded for the OData parser. */
    static ApiRequest toApiRequest(Context ctx) {
        String uri = ctx.req().getRequestURI();
        String afterPrefix = uri.substring(uri.indexOf(API_PREFIX) + API_PREFIX.length());
        int slash = afterPrefix.indexOf('/');
        String version = slash < 0 ? afterPrefix : afterPrefix.substring(0, slash);
        String path = slash < 0 ? "" : afterPrefix.substring(slash + 1);
        Map<String, String> headers = new LinkedHashMap<>();
        ctx.headerMap().forEach(headers::put);
        String base = ctx.scheme() + "://" + ctx.host() + API_PREFIX + version + "/";
        return new ApiRequest(ctx.method().name(), version, path, ctx.queryString(), headers, ctx.bodyAsBytes(), base);
    }

    static void write(Context ctx, ApiResponse response) {
        ctx.status(response.status());
        response.headers().forEach(ctx::header);
        ctx.header("OData-Version", "4.0");
        if (response.contentType() != null) ctx.contentType(response.contentType());
        if (response.body().length > 0) ctx.result(response.body());
    }
}
