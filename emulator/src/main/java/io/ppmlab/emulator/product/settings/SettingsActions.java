package io.ppmlab.emulator.product.settings;

import io.ppmlab.emulator.product.ActionMessages;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.odata.ProductOperations;
import io.ppmlab.emulator.operations.AccessGuard;
import io.ppmlab.emulator.product.ConfigurationSettings;
import io.ppmlab.emulator.product.Subscription;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Telemetry and feedback as the product's client uses them:
 * <ul>
 *   <li>{@code sensei_TrackEvent {"TableType","EventType"[, "TimeZoneOffset", "BrowserLanguage"]}}: what the client
 *       reports; the lab adds the tenant, organisation, user GUID and roles, and records nothing when
 *       {@code InstrumentationKey} is False. Any other parameter is refused, so no name, e-mail or row content can
 *       reach the sink;</li>
 *   <li>{@code sensei_ListTelemetry {}}: the recorded events (administrators: Create on configuration settings);</li>
 *   <li>{@code sensei_FeedbackPromptDue {}} and {@code sensei_RecordFeedbackPrompt {}}: whether the caller is due a
 *       feedback prompt (opt-out, cadence in days, 0 never), and that one was shown now (lab clock; kept in memory).</li>
 * </ul>
 */
public final class SettingsActions {
    static final UUID APPLICATION_ID = io.ppmlab.datasets.Ids.of("appmodule", "Sensei IQ");
    static final String APPLICATION_NAME = "Sensei IQ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TRACK_PARAMETERS = Set.of("TableType", "EventType", "TimeZoneOffset", "BrowserLanguage");

    private final Schema schema;
    private final Store store;
    private final Clock clock;
    private final UUID tenantId;
    private final AccessGuard guard;
    private final Subscription subscription;
    private final TelemetrySink sink = new TelemetrySink();
    private final Map<UUID, Instant> lastPrompt = new ConcurrentHashMap<>();

    public SettingsActions(Schema schema, Store store, Clock clock, UUID tenantId, AccessGuard guard, Subscription subscription) {
        this.schema = schema;
        this.store = store;
        this.clock = clock;
        this.tenantId = tenantId;
        this.guard = guard;
        this.subscription = subscription;
    }

    private ProductSettings settings() { return new ProductSettings(new ConfigurationSettings(store)); }

    public ApiResponse track(Caller caller, ApiRequest request) {
        subscription.require();
        JsonNode body = ActionMessages.parameters(ProductOperations.TRACK_EVENT, ActionMessages.orEmptyObject(request.body()), TRACK_PARAMETERS);
        String table = text(body, "TableType", true);
        if (schema.table(table).isEmpty()) throw ErrorCode.BAD_REQUEST.error("TableType '" + table + "' is not a table.");
        String event = text(body, "EventType", true);
        if (!event.matches("[A-Za-z][A-Za-z0-9 ._-]{0,63}")) throw ErrorCode.BAD_REQUEST.error("EventType must be a short action name (letters, digits, space . _ -).");
        String language = text(body, "BrowserLanguage", false);
        if (language != null && !language.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) throw ErrorCode.BAD_REQUEST.error("BrowserLanguage must be a language tag such as en-AU.");
        JsonNode tz = body.get("TimeZoneOffset");
        if (tz != null && !tz.isNull() && (!tz.canConvertToInt() || Math.abs(tz.intValue()) > 14 * 60)) throw ErrorCode.BAD_REQUEST.error("TimeZoneOffset is minutes from UTC (-840 to 840).");
        boolean recorded = settings().telemetryEnabled();
        if (recorded) {
            Row org = organisation();
            EntityRef currency = org == null ? null : org.ref("basecurrencyid");
            String orgName = org == null ? null : (String) org.get("name");
            sink.record(new TelemetryEvent(clock.instant(), tenantId, orgName, APPLICATION_ID, APPLICATION_NAME,
                    org == null ? null : "org" + org.id().toString().substring(0, 8), currency == null ? null : currency.id(),
                    caller.userId(), tz == null || tz.isNull() ? null : tz.intValue(), roles(caller.userId()), language, table, event));
        }
        return ActionMessages.response(request, ProductOperations.TRACK_RESPONSE, g -> g.writeBooleanField("Recorded", recorded));
    }

    public ApiResponse list(Caller caller, ApiRequest request) {
        Table settingsTable = schema.table(ConfigurationSettings.TABLE).orElseThrow();
        guard.checkCreate(caller, settingsTable, new Row(settingsTable.logicalName(), UUID.randomUUID(), Map.of("sensei_name", "telemetry")));
        ActionMessages.parameters(ProductOperations.LIST_TELEMETRY, ActionMessages.orEmptyObject(request.body()), Set.of());
        List<TelemetryEvent> events = sink.all();
        return ActionMessages.response(request, ProductOperations.TELEMETRY_RESPONSE, g -> {
            g.writeBooleanField("Enabled", settings().telemetryEnabled());
            g.writeFieldName("Events");
            g.writeStartArray();
            for (TelemetryEvent e : events) {
                g.writeStartObject();
                g.writeStringField("Timestamp", e.at().toString());
                g.writeStringField("TenantId", str(e.tenantId()));
                g.writeStringField("TenantName", e.tenantName());
                g.writeStringField("ApplicationId", str(e.applicationId()));
                g.writeStringField("ApplicationName", e.applicationName());
                g.writeStringField("OrganizationUniqueName", e.organisationUniqueName());
                g.writeStringField("OrganizationCurrencyId", str(e.organisationCurrencyId()));
                g.writeStringField("UserId", str(e.userId()));
                if (e.timeZoneOffsetMinutes() == null) g.writeNullField("TimeZoneOffset");
                else g.writeNumberField("TimeZoneOffset", e.timeZoneOffsetMinutes());
                g.writeArrayFieldStart("SecurityRoles");
                for (String r : e.securityRoles()) g.writeString(r);
                g.writeEndArray();
                g.writeStringField("BrowserLanguage", e.browserLanguage());
                g.writeStringField("TableType", e.tableType());
                g.writeStringField("EventType", e.eventType());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    public ApiResponse feedbackDue(Caller caller, ApiRequest request) {
        subscription.require();
        ProductSettings s = settings();
        Instant last = lastPrompt.get(caller.userId());
        Instant now = clock.instant();
        boolean due;
        String reason;
        if (s.feedbackOptedOut()) {
            due = false;
            reason = "FeedbackOptOut is True: no prompts.";
        } else if (s.cadenceDays().orElse(ProductSettings.DEFAULT_CADENCE_DAYS) == 0) {
            due = false;
            reason = "userFeedbackCadence is 0: never prompt.";
        } else if (last == null) {
            due = true;
            reason = "Never prompted.";
        } else {
            due = !now.isBefore(last.plus(s.cadence()));
            reason = due ? "The cadence has passed since the last prompt." : "Prompted less than the cadence ago.";
        }
        int cadence = s.cadenceDays().orElse(ProductSettings.DEFAULT_CADENCE_DAYS);
        return ActionMessages.response(request, ProductOperations.FEEDBACK_RESPONSE, g -> {
            g.writeBooleanField("Due", due);
            g.writeStringField("Reason", s.cadenceDays().isEmpty() ? reason + " (userFeedbackCadence is not a whole number of days: the default 30 applies)" : reason);
            g.writeNumberField("CadenceDays", cadence);
            g.writeStringField("LastPromptOn", last == null ? null : last.toString());
            g.writeStringField("NextPromptOn", last == null || cadence == 0 || s.feedbackOptedOut() ? null : last.plus(s.cadence()).toString());
        });
    }

    public ApiResponse recordPrompt(Caller caller, ApiRequest request) {
        subscription.require();
        Instant now = clock.instant();
        lastPrompt.put(caller.userId(), now);
        return feedbackDue(caller, request);
    }

    private Row organisation() {
        List<Row> orgs = new ArrayList<>();
        store.scan("organization", orgs::add);
        return orgs.isEmpty() ? null : orgs.get(0);
    }

    private List<String> roles(UUID userId) {
        List<String> names = new ArrayList<>();
        store.scan("systemuserroles", link -> {
            EntityRef user = link.ref("systemuserid");
            EntityRef role = link.ref("roleid");
            if (user != null && role != null && user.id().equals(userId)) {
                store.get("role", role.id()).ifPresent(r -> names.add((String) r.get("name")));
            }
        });
        names.sort(null);
        return List.copyOf(names);
    }

    private static String str(UUID id) { return id == null ? null : id.toString(); }

    private static String text(JsonNode body, String name, boolean required) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            if (required) throw ErrorCode.BAD_REQUEST.error("The parameter '" + name + "' is required.");
            return null;
        }
        if (!v.isTextual()) throw ErrorCode.BAD_REQUEST.error("The parameter '" + name + "' must be text.");
        return v.asText();
    }

}
