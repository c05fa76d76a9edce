package io.ppmlab.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.auth.Authenticator;
import io.ppmlab.emulator.clock.LabClock;
import io.ppmlab.emulator.errors.DataverseException;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.metrics.MetricsSnapshot;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * HTTP adapter of the lab's platform endpoints: metrics (Prometheus and the harness's JSON view, no token:
 * counts and timings only, never row data) and the lab clock (admin token).
 */
final class LabPlatformRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Services services;

    LabPlatformRoutes(Services services) { this.services = services; }

    /** {@code GET /metrics}: Prometheus text exposition format 0.0.4. */
    void prometheus(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(services.metrics().prometheus());
    }

    /** {@code GET /lab/metrics.json}: per request name and per operation, the throttling counts, the store's size per table. */
    void metricsJson(Context ctx) {
        List<MetricsSnapshot.TableSize> storage = new ArrayList<>();
        var store = services.store();
        for (var table : services.schema().tables()) {
            String name = table.logicalName();
            long rows = store.count(name);
            if (rows > 0) storage.add(new MetricsSnapshot.TableSize(name, rows, store.bytesUsed(name)));
        }
        var realism = services.platform().realism();
        ctx.contentType("application/json").result(services.metrics().snapshot()
                .toJson(realism.protection().limits(), realism.cost().profile().name(), storage));
    }

    /** {@code POST /lab/metrics/reset}: zero the JSON view's figures. */
    void resetMetrics(Context ctx) {
        services.metrics().reset();
        ctx.status(204);
    }

    /** {@code GET /lab/clock} (admin). */
    void clock(Context ctx) { respond(ctx, caller -> clockJson()); }

    /** {@code POST /lab/clock} (admin) with {@code {"advance":"P30D"}} or {@code {"set":"2027-01-01T00:00:00Z"}}. */
    void moveClock(Context ctx) {
        respond(ctx, caller -> {
            JsonNode body = body(ctx.bodyAsBytes());
            LabClock clock = services.clock();
            JsonNode advance = body.path("advance");
            JsonNode set = body.path("set");
            if (advance.isMissingNode() == set.isMissingNode()) {
                throw ErrorCode.BAD_REQUEST.error("Send either {\"advance\":\"<ISO-8601 duration, e.g. P30D>\"} or {\"set\":\"<instant, e.g. 2027-01-01T00:00:00Z>\"}.");
            }
            try {
                if (!advance.isMissingNode()) {
                    Duration by = Duration.parse(text(advance, "advance"));
                    if (by.isNegative()) throw ErrorCode.BAD_REQUEST.error("The lab clock only moves forward: 'advance' must not be negative.");
                    clock.advance(by);
                } else {
                    clock.set(Instant.parse(text(set, "set")));
                }
            } catch (DateTimeParseException e) {
                throw ErrorCode.BAD_REQUEST.error("Cannot read the time: " + e.getParsedString() + " (ISO-8601 durations like P30D or PT2H, instants like 2027-01-01T00:00:00Z).");
            } catch (IllegalArgumentException e) {
                throw ErrorCode.BAD_REQUEST.error(e.getMessage());
            }
            return clockJson();
        });
    }

    private Map<String, Object> clockJson() {
        LabClock clock = services.clock();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", clock.instant().toString());
        out.put("mode", clock.simulated() ? "simulated" : "real");
        out.put("offset", clock.offset().toString());
        out.put("serviceProtectionClock", "real");
        return out;
    }

    private static String text(JsonNode node, String field) {
        if (!node.isTextual()) throw ErrorCode.BAD_REQUEST.error("'" + field + "' is a string.");
        return node.asText();
    }

    private static JsonNode body(byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !root.isObject()) throw ErrorCode.BAD_REQUEST.error("The body is a JSON object.");
            return root;
        } catch (IOException e) {
            throw ErrorCode.BAD_REQUEST.error("The body is not JSON: " + e.getMessage());
        }
    }

    private void respond(Context ctx, Function<Caller, Object> action) {
        ApiResponse response;
        try {
            Caller caller = services.authenticator().authenticate(Optional.ofNullable(ctx.header("Authorization")));
            services.product().groupAdmin().requireAdmin(caller);
            response = ApiResponse.json(200, JSON.writeValueAsString(action.apply(caller)), Map.of());
        } catch (Authenticator.Unauthenticated e) {
            response = ApiResponse.json(401, ErrorBody.json("0x80040204", e.getMessage()), Map.of("WWW-Authenticate", e.challenge()));
        } catch (DataverseException e) {
            response = ErrorBody.of(e);
        } catch (IOException | RuntimeException e) {
            response = ErrorBody.of(ErrorCode.INTERNAL.error(e.getClass().getSimpleName()));
        }
        HttpExchange.write(ctx, response);
    }
}
