package io.ppmlab.emulator.product.status;

import io.ppmlab.emulator.product.ActionMessages;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.odata.ProductOperations;
import io.ppmlab.emulator.product.ConfigurationSettings;
import io.ppmlab.emulator.product.ReadAs;
import io.ppmlab.emulator.product.WriteAs;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The status update buttons and panel reads, as the calling user:
 * <ul>
 *   <li>{@code sensei_DuplicateStatusUpdate {"ParentId"[, "Name", "StatusDate"]}}: a new status update under the
 *       project or program, with the {@code statusUpdateConfig} fields copied from its most recent status update
 *       by status date (created like a client's POST, so its panels are calculated);</li>
 *   <li>{@code sensei_ClearStatusUpdate {"StatusUpdateId"}}: those fields cleared on that status update (the
 *       ribbon button acts on the open form);</li>
 *   <li>{@code sensei_GetStatusUpdatePanels {"StatusUpdateId"}}: each panel's stored value with its label,
 *       tooltip, suffix and the warning state evaluated now;</li>
 *   <li>{@code sensei_GetStatusUpdatePanelTimings {}}: server time per panel calculation since start.</li>
 * </ul>
 */
final class StatusUpdateActions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final ReadAs reads;
    private final WriteAs writes;
    private final PanelSettings settings;
    private final PanelTimings timings;
    private final Clock clock;

    StatusUpdateActions(Store store, ReadAs reads, WriteAs writes, PanelSettings settings, PanelTimings timings, Clock clock) {
        this.store = store;
        this.reads = reads;
        this.writes = writes;
        this.settings = settings;
        this.timings = timings;
        this.clock = clock;
    }

    ApiResponse duplicate(Caller caller, ApiRequest request) {
        String action = ProductOperations.DUPLICATE_STATUS_UPDATE;
        JsonNode body = ActionMessages.parameters(action, request.body(), Set.of("ParentId", "Name", "StatusDate"));
        UUID parentId = guid(action, body, "ParentId");
        String parentTable = store.get("sensei_project", parentId).isPresent() ? "sensei_project"
                : store.get("sensei_program", parentId).map(r -> "sensei_program").orElseThrow(() -> ErrorCode.OBJECT_DOES_NOT_EXIST.error("sensei_project or sensei_program", parentId));
        boolean project = parentTable.equals("sensei_project");
        List<String> fields = fields();
        JsonNode latest = call(() -> reads.get(caller, "sensei_statusupdates?$select=" + String.join(",", fields)
                + "&$filter=" + (project ? "_sensei_projectlink_value" : "_sensei_program_value") + "%20eq%20" + parentId
                + "&$orderby=sensei_statusdate%20desc,createdon%20desc&$top=1")).path("value").path(0);
        if (latest.isMissingNode()) throw ErrorCode.BAD_REQUEST.error("The " + parentTable + " " + parentId + " has no status update you can read to duplicate.");
        ObjectNode create = JSON.createObjectNode();
        create.put("sensei_name", body.path("Name").asText("Status " + today()));
        create.put("sensei_statusdate", body.path("StatusDate").asText(today().toString()));
        create.put((project ? "sensei_projectlink" : "sensei_program") + "@odata.bind", "/" + (project ? "sensei_projects(" : "sensei_programs(") + parentId + ")");
        for (String f : fields) if (latest.has(f) && !latest.get(f).isNull()) create.set(f, latest.get(f));
        JsonNode created = call(() -> writes.write(caller, "POST", "sensei_statusupdates", create.toString()));
        return ApiResponse.json(200, created.toString(), Map.of());
    }

    ApiResponse clear(Caller caller, ApiRequest request) {
        String action = ProductOperations.CLEAR_STATUS_UPDATE;
        UUID id = guid(action, ActionMessages.parameters(action, request.body(), Set.of("StatusUpdateId")), "StatusUpdateId");
        ObjectNode patch = JSON.createObjectNode();
        fields().forEach(patch::putNull);
        JsonNode row = call(() -> writes.write(caller, "PATCH", "sensei_statusupdates(" + id + ")", patch.toString()));
        return ApiResponse.json(200, row.toString(), Map.of());
    }

    ApiResponse panels(Caller caller, ApiRequest request) {
        String action = ProductOperations.GET_STATUS_UPDATE_PANELS;
        UUID id = guid(action, ActionMessages.parameters(action, request.body(), Set.of("StatusUpdateId")), "StatusUpdateId");
        JsonNode row = call(() -> reads.get(caller, "sensei_statusupdates(" + id + ")"));
        PanelConfig config = config();
        String parent = row.hasNonNull("_sensei_projectlink_value") ? "sensei_project" : row.hasNonNull("_sensei_program_value") ? "sensei_program" : null;
        Map<String, Object> values = new LinkedHashMap<>();
        row.fields().forEachRemaining(e -> values.put(e.getKey(), PanelValues.of(e.getValue())));
        return ActionMessages.response(request, ProductOperations.PANELS_RESPONSE, g -> {
            g.writeStringField("StatusUpdateId", id.toString());
            g.writeStringField("Parent", parent);
            g.writeArrayFieldStart("Panels");
            for (PanelConfig.Field f : config.fields()) {
                Optional<PanelConfig.Calculation> calc = parent == null ? Optional.empty() : f.under(parent);
                if (calc.isEmpty()) continue;
                Optional<PanelConfig.Warning> breached = Warnings.firstBreached(f, values);
                g.writeStartObject();
                g.writeStringField("Field", f.logicalName());
                g.writeFieldName("Value");
                g.writeTree(row.path(f.logicalName()).isMissingNode() ? JSON.nullNode() : row.get(f.logicalName()));
                g.writeStringField("Label", f.labelOverride() == null ? f.logicalName() : f.labelOverride());
                g.writeStringField("Tooltip", f.tooltipOverride());
                g.writeStringField("Suffix", f.valueSuffix());
                g.writeStringField("Mode", calc.get().getClass().getSimpleName());
                g.writeStringField("DrillThroughUrl", calc.get().drillThroughUrl());
                g.writeBooleanField("Warning", breached.isPresent());
                g.writeStringField("Colour", breached.map(PanelConfig.Warning::colourOverride).filter(c -> c != null).orElse(f.defaultColour()));
                g.writeStringField("Kpi", f.kpi());
                g.writeEndObject();
            }
            for (String f : List.of("sensei_budget", "sensei_actualcost", "sensei_financialvariance")) {
                g.writeStartObject();
                g.writeStringField("Field", f);
                g.writeFieldName("Value");
                g.writeTree(row.path(f).isMissingNode() ? JSON.nullNode() : row.get(f));
                g.writeStringField("Mode", "Finance");
                g.writeStringField("Kpi", f.equals("sensei_financialvariance") ? FinancePanels.KPI : null);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    ApiResponse timings(Caller caller, ApiRequest request) {
        return ActionMessages.response(request, ProductOperations.TIMINGS_RESPONSE, g -> {
            PanelTimings.Stat s = timings.snapshots();
            g.writeNumberField("Snapshots", s.count());
            g.writeNumberField("SnapshotTotalMs", s.totalMs());
            g.writeNumberField("SnapshotMaxMs", s.maxMs());
            g.writeArrayFieldStart("Panels");
            for (Map.Entry<String, PanelTimings.Stat> e : timings.panels().entrySet()) {
                g.writeStartObject();
                g.writeStringField("Field", e.getKey());
                g.writeNumberField("Count", e.getValue().count());
                g.writeNumberField("TotalMs", e.getValue().totalMs());
                g.writeNumberField("MaxMs", e.getValue().maxMs());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private List<String> fields() {
        try {
            return settings.duplicateFields(new ConfigurationSettings(store));
        } catch (PanelConfigJson.Invalid e) {
            throw ErrorCode.STATUS_UPDATE_CONFIGURATION.error(e.getMessage());
        }
    }

    private PanelConfig config() {
        try {
            return settings.current(new ConfigurationSettings(store));
        } catch (PanelConfigJson.Invalid e) {
            throw ErrorCode.STATUS_UPDATE_CONFIGURATION.error(e.getMessage());
        }
    }

    private LocalDate today() { return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC); }

    /** A nested Web API call's refusal, passed on as the same error. */
    private static JsonNode call(java.util.function.Supplier<JsonNode> c) {
        try {
            return c.get();
        } catch (ReadAs.Refused e) {
            ErrorCode code = switch (e.status()) {
                case 403 -> ErrorCode.ACCESS_DENIED;
                case 404 -> ErrorCode.BAD_REQUEST;
                default -> ErrorCode.BAD_REQUEST;
            };
            throw e.status() == 404 ? ErrorCode.RESOURCE_NOT_FOUND.error(e.getMessage()) : code.error(e.getMessage());
        }
    }

    private static UUID guid(String action, JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || !v.isTextual()) throw ErrorCode.BAD_REQUEST.error("The parameter '" + name + "' of " + action + " is required (a GUID).");
        try {
            return UUID.fromString(v.asText());
        } catch (IllegalArgumentException e) {
            throw ErrorCode.BAD_REQUEST.error("The parameter '" + name + "' of " + action + " is not a GUID: " + v.asText());
        }
    }
}
