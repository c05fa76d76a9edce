package io.ppmlab.emulator.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.auth.Authenticator;
import io.ppmlab.emulator.errors.DataverseException;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.meter.MeterReport;
import io.ppmlab.emulator.payload.Guids;
import io.ppmlab.emulator.product.GroupAdmin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * HTTP adapter of the lab's Entra group administration ({@link GroupAdmin}): bearer token in, JSON out,
 * Dataverse-shaped errors. {@code GET /lab/groups/{teamId}}, {@code POST /lab/groups/{teamId}/members}
 * with {@code {"add":[upn…],"remove":[upn…]}}, {@code POST /lab/groups/sync}.
 */
final class LabGroupRoutes {
    private static final Logger LOG = Logger.getLogger(LabGroupRoutes.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Authenticator authenticator;
    private final GroupAdmin admin;
    private final Supplier<MeterReport> meter;

    LabGroupRoutes(Authenticator authenticator, GroupAdmin admin, Supplier<MeterReport> meter) {
        this.authenticator = authenticator;
        this.admin = admin;
        this.meter = meter;
    }

    /** {@code GET /lab/storage}: the storage meter (real bytes and modelled Dataverse quota per table), admin only. */
    void storage(Context ctx) {
        respond(ctx, caller -> {
            admin.requireAdmin(caller);
            return meter.get();
        });
    }

    void show(Context ctx) { respond(ctx, caller -> admin.show(caller, teamId(ctx))); }

    void members(Context ctx) { respond(ctx, caller -> admin.change(caller, teamId(ctx), change(ctx.bodyAsBytes()))); }

    void sync(Context ctx) { respond(ctx, admin::syncNow); }

    private void respond(Context ctx, Function<Caller, Object> action) {
        ApiResponse response;
        try {
            Caller caller = authenticator.authenticate(Optional.ofNullable(ctx.header("Authorization")));
            Object result = action.apply(caller);
            String json = result instanceof MeterReport report ? report.toJson() : JSON.writeValueAsString(result);
            response = ApiResponse.json(200, json, Map.of());
        } catch (Authenticator.Unauthenticated e) {
            response = ApiResponse.json(401, ErrorBody.json("0x80040204", e.getMessage()), Map.of("WWW-Authenticate", e.challenge()));
        } catch (DataverseException e) {
            response = ErrorBody.of(e);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected failure on " + ctx.method() + " " + ctx.path(), e);
            response = ErrorBody.of(ErrorCode.INTERNAL.error("the request could not be completed"));
        }
        HttpExchange.write(ctx, response);
    }

    private static UUID teamId(Context ctx) {
        String raw = ctx.pathParam("teamId");
        return Guids.parse(raw).orElseThrow(() -> ErrorCode.BAD_REQUEST.error("'" + raw + "' is not a team id (a GUID)."));
    }

    private static GroupAdmin.Change change(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw ErrorCode.BAD_REQUEST.error("The body is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw ErrorCode.BAD_REQUEST.error("The body is a JSON object: {\"add\":[upn, …], \"remove\":[upn, …]}.");
        root.fieldNames().forEachRemaining(f -> {
            if (!f.equals("add") && !f.equals("remove")) throw ErrorCode.BAD_REQUEST.error("Unknown member '" + f + "': only 'add' and 'remove' are allowed.");
        });
        return new GroupAdmin.Change(upns(root, "add"), upns(root, "remove"));
    }

    private static List<String> upns(JsonNode root, String field) {
        JsonNode list = root.path(field);
        List<String> out = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) return out;
        if (!list.isArray()) throw ErrorCode.BAD_REQUEST.error("'" + field + "' is an array of user principal names.");
        for (JsonNode upn : list) {
            if (!upn.isTextual() || upn.asText().isBlank()) throw ErrorCode.BAD_REQUEST.error("'" + field + "' holds user principal names (strings).");
            out.add(upn.asText());
        }
        return out;
    }
}
