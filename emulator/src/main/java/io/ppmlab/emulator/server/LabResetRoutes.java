package io.ppmlab.emulator.server;

import io.javalin.http.Context;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.auth.Authenticator;
import io.ppmlab.emulator.errors.DataverseException;
import io.ppmlab.emulator.errors.ErrorCode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /lab/reset} says whether Reset is available (the emulator was started resettable, e.g. by
 * {@code lab train}); {@code POST /lab/reset} (Admin User) closes the stores, restores the start snapshot of the
 * data directory and opens it again. Requests arriving meanwhile wait, then see the restored data.
 */
final class LabResetRoutes {
    private final LiveServices live;
    private final StartSnapshot snapshot;

    LabResetRoutes(LiveServices live, StartSnapshot snapshot) {
        this.live = live;
        this.snapshot = snapshot;
    }

    void show(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("available", snapshot != null);
        body.put("snapshotTakenAt", snapshot == null ? null : snapshot.takenAt().toString());
        ctx.json(body);
    }

    void reset(Context ctx) {
        try {
            // authorised against the graph that is about to be replaced
            live.read(s -> {
                var caller = s.authenticator().authenticate(Optional.ofNullable(ctx.header("Authorization")));
                s.product().groupAdmin().requireAdmin(caller);
                return caller;
            });
            if (snapshot == null) {
                throw ErrorCode.BAD_REQUEST.error("This emulator keeps no start snapshot, so it cannot be reset: start it with 'lab train' "
                        + "(or 'lab serve --resettable').");
            }
            long t0 = System.nanoTime();
            long[] copyMillis = {0};
            live.reopen(() -> copyMillis[0] = snapshot.restore());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("restored", true);
            body.put("snapshotTakenAt", snapshot.takenAt().toString());
            body.put("copyMillis", copyMillis[0]);
            body.put("totalMillis", (System.nanoTime() - t0) / 1_000_000);
            ctx.json(body);
        } catch (Authenticator.Unauthenticated e) {
            HttpExchange.write(ctx, ApiResponse.json(401, ErrorBody.json("0x80040204", e.getMessage()), Map.of("WWW-Authenticate", e.challenge())));
        } catch (DataverseException e) {
            HttpExchange.write(ctx, ErrorBody.of(e));
        }
    }
}
