package io.ppmlab.emulator.resourcing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.odata.ResourcingOperations;
import io.ppmlab.emulator.operations.AccessGuard;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST sensei_SetCapacityHorizon {"YearsBehind":1,"YearsAhead":3}}: validates the horizon (at most 11
 * years in all, else 400 and nothing changes) and writes it to its configuration setting row, with the same
 * system columns and security checks as a PATCH of that row (only Admin User writes settings). Capacity rows
 * follow in the background ({@link CapacityService}).
 */
final class HorizonAction {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTION = ResourcingOperations.SET_CAPACITY_HORIZON;

    private final Store store;
    private final SystemColumns system;
    private final AccessGuard guard;
    private final ResourcingSettings settings;
    private final Clock clock;
    private final Table table;

    HorizonAction(Schema schema, Store store, SystemColumns system, AccessGuard guard, ResourcingSettings settings, Clock clock) {
        this.store = store;
        this.system = system;
        this.guard = guard;
        this.settings = settings;
        this.clock = clock;
        this.table = schema.table(ResourcingSettings.TABLE).orElseThrow();
    }

    ApiResponse handle(Caller caller, ApiRequest request) {
        CapacityHorizon horizon = parse(request.body());
        String value = "{\"yearsBehind\":" + horizon.yearsBehind() + ",\"yearsAhead\":" + horizon.yearsAhead() + "}";
        Optional<Row> current = settings.row(ResourcingSettings.HORIZON_KEY);
        Row row;
        if (current.isPresent()) {
            row = system.forUpdate(table, current.get(), Map.of("sensei_value", value), caller);
            guard.checkWrite(caller, table, current.get(), row);
        } else {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("sensei_name", ResourcingSettings.HORIZON_KEY);
            v.put("sensei_value", value);
            v.put("sensei_description", "Capacity horizon: whole years of daily capacity kept behind and ahead of today (at most 11 in all).");
            row = system.forCreate(table, ResourcingSettings.rowId(ResourcingSettings.HORIZON_KEY), v, caller);
            guard.checkCreate(caller, table, row);
        }
        store.apply(List.of(new Mutation.Put(row)));
        CapacityHorizon.Window w = horizon.window(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return ApiResponse.json(200, "{\"@odata.context\":\"" + request.baseUrl() + "$metadata#Microsoft.Dynamics.CRM."
                + ResourcingOperations.HORIZON_RESPONSE + "\",\"YearsBehind\":" + horizon.yearsBehind() + ",\"YearsAhead\":"
                + horizon.yearsAhead() + ",\"StartDate\":\"" + w.start() + "\",\"EndDate\":\"" + w.end().minusDays(1) + "\"}", Map.of());
    }

    private static CapacityHorizon parse(byte[] body) {
        if (body.length == 0) throw ErrorCode.BAD_REQUEST.error("The request body of " + ACTION + " is empty; send {\"YearsBehind\":1,\"YearsAhead\":3}.");
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ErrorCode.BAD_REQUEST.error("The body of " + ACTION + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ErrorCode.BAD_REQUEST.error("The body of " + ACTION + " could not be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) throw ErrorCode.BAD_REQUEST.error("The body of " + ACTION + " must be a JSON object.");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("YearsBehind") && !f.equals("YearsAhead") && !f.startsWith("@")) {
                throw ErrorCode.BAD_REQUEST.error("'" + f + "' is not a parameter of " + ACTION + " (parameters: YearsBehind, YearsAhead).");
            }
        }
        return new CapacityHorizon(years(node, "YearsBehind"), years(node, "YearsAhead"));
    }

    private static int years(JsonNode body, String parameter) {
        JsonNode v = body.get(parameter);
        if (v == null || v.isNull()) throw ErrorCode.BAD_REQUEST.error("The parameter '" + parameter + "' of " + ACTION + " is required (whole years).");
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw ErrorCode.BAD_REQUEST.error("The parameter '" + parameter + "' of " + ACTION + " must be a whole number of years.");
        return v.intValue();
    }
}
