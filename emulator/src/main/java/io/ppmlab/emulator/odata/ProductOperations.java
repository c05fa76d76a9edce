package io.ppmlab.emulator.odata;

import static io.ppmlab.emulator.odata.Csdl.BOOLEAN;
import static io.ppmlab.emulator.odata.Csdl.DECIMAL;
import static io.ppmlab.emulator.odata.Csdl.DOUBLE;
import static io.ppmlab.emulator.odata.Csdl.GUID;
import static io.ppmlab.emulator.odata.Csdl.INSTANT;
import static io.ppmlab.emulator.odata.Csdl.INT;
import static io.ppmlab.emulator.odata.Csdl.LONG;
import static io.ppmlab.emulator.odata.Csdl.STRING;
import static io.ppmlab.emulator.odata.Csdl.action;
import static io.ppmlab.emulator.odata.Csdl.complex;
import static io.ppmlab.emulator.odata.Csdl.param;
import static io.ppmlab.emulator.odata.Csdl.prop;
import static io.ppmlab.emulator.odata.EdmFactory.fqn;

import io.ppmlab.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.olingo.commons.api.edm.provider.CsdlAction;
import org.apache.olingo.commons.api.edm.provider.CsdlActionImport;
import org.apache.olingo.commons.api.edm.provider.CsdlComplexType;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;

/**
 * The product's own unbound actions (scheduled processes, status updates, telemetry and feedback), declared so that Olingo
 * parses their URLs and {@code $metadata} lists them; the product package reads their bodies. Each group is
 * declared only when the schema has its tables.
 */
public final class ProductOperations {
    public static final String RUN_SCHEDULED_PROCESS = "sensei_RunScheduledProcess";
    public static final String LIST_PROCESS_LOGS = "sensei_ListProcessLogs";
    public static final String RUN_RESPONSE = "sensei_RunScheduledProcessResponse";
    public static final String LOGS_RESPONSE = "sensei_ListProcessLogsResponse";
    private static final String LOG_ENTRY = "sensei_ProcessLogEntry";
    public static final String DUPLICATE_STATUS_UPDATE = "sensei_DuplicateStatusUpdate";
    public static final String CLEAR_STATUS_UPDATE = "sensei_ClearStatusUpdate";
    public static final String GET_STATUS_UPDATE_PANELS = "sensei_GetStatusUpdatePanels";
    public static final String GET_STATUS_UPDATE_PANEL_TIMINGS = "sensei_GetStatusUpdatePanelTimings";
    public static final String PANELS_RESPONSE = "sensei_GetStatusUpdatePanelsResponse";
    public static final String TIMINGS_RESPONSE = "sensei_GetStatusUpdatePanelTimingsResponse";
    public static final String TRACK_EVENT = "sensei_TrackEvent";
    public static final String LIST_TELEMETRY = "sensei_ListTelemetry";
    public static final String FEEDBACK_DUE = "sensei_FeedbackPromptDue";
    public static final String RECORD_FEEDBACK_PROMPT = "sensei_RecordFeedbackPrompt";
    public static final String TRACK_RESPONSE = "sensei_TrackEventResponse";
    public static final String TELEMETRY_RESPONSE = "sensei_ListTelemetryResponse";
    public static final String FEEDBACK_RESPONSE = "sensei_FeedbackPromptResponse";
    private static final String TELEMETRY_EVENT = "sensei_TelemetryEvent";
    private static final String PANEL = "sensei_StatusUpdatePanel";
    private static final String PANEL_TIMING = "sensei_StatusUpdatePanelTiming";

    private final boolean processes;
    private final boolean statusUpdates;

    private ProductOperations(Schema schema) {
        this.statusUpdates = schema.table("sensei_statusupdate").isPresent() && schema.table("sensei_configurationsetting").isPresent();
        this.processes = schema.table("sensei_scheduledprocess").isPresent() && schema.table("sensei_processlog").isPresent();
    }

    static ProductOperations of(Schema schema) { return new ProductOperations(schema); }

    List<CsdlComplexType> complexTypes() {
        List<CsdlComplexType> all = new ArrayList<>();
        if (processes) {
            CsdlProperty[] run = {prop("ProcessLogId", GUID), prop("Outcome", INT), prop("OutcomeName", STRING), prop("RowsMatched", INT),
                    prop("RowsReturned", INT), prop("RowsProcessed", INT), prop("StartedOn", INSTANT), prop("FinishedOn", INSTANT),
                    prop("ElapsedSeconds", DECIMAL), prop("Message", STRING)};
            all.add(complex(RUN_RESPONSE, run));
            all.add(complex(LOG_ENTRY, run));
            all.add(complex(LOGS_RESPONSE, prop("Purged", INT), prop("Logs", fqn(LOG_ENTRY)).setCollection(true)));
        }
        if (statusUpdates) {
            // Value is untyped in the lab's answer (number, date or text by panel); declared as text here.
            all.add(complex(PANEL, prop("Field", STRING), prop("Value", STRING), prop("Label", STRING), prop("Tooltip", STRING),
                    prop("Suffix", STRING), prop("Mode", STRING), prop("DrillThroughUrl", STRING), prop("Warning", BOOLEAN),
                    prop("Colour", STRING), prop("Kpi", STRING)));
            all.add(complex(PANELS_RESPONSE, prop("StatusUpdateId", GUID), prop("Parent", STRING), prop("Panels", fqn(PANEL)).setCollection(true)));
            all.add(complex(PANEL_TIMING, prop("Field", STRING), prop("Count", LONG), prop("TotalMs", DOUBLE), prop("MaxMs", DOUBLE)));
            all.add(complex(TRACK_RESPONSE, prop("Recorded", BOOLEAN)));
            all.add(complex(TELEMETRY_EVENT, prop("Timestamp", INSTANT), prop("TenantId", GUID), prop("TenantName", STRING),
                    prop("ApplicationId", GUID), prop("ApplicationName", STRING), prop("OrganizationUniqueName", STRING),
                    prop("OrganizationCurrencyId", GUID), prop("UserId", GUID), prop("TimeZoneOffset", INT),
                    prop("SecurityRoles", STRING).setCollection(true), prop("BrowserLanguage", STRING), prop("TableType", STRING), prop("EventType", STRING)));
            all.add(complex(TELEMETRY_RESPONSE, prop("Enabled", BOOLEAN), prop("Events", fqn(TELEMETRY_EVENT)).setCollection(true)));
            all.add(complex(FEEDBACK_RESPONSE, prop("Due", BOOLEAN), prop("Reason", STRING), prop("CadenceDays", INT),
                    prop("LastPromptOn", INSTANT), prop("NextPromptOn", INSTANT)));
            all.add(complex(TIMINGS_RESPONSE, prop("Snapshots", LONG), prop("SnapshotTotalMs", DOUBLE), prop("SnapshotMaxMs", DOUBLE),
                    prop("Panels", fqn(PANEL_TIMING)).setCollection(true)));
        }
        return all;
    }

    List<CsdlAction> actions() {
        List<CsdlAction> all = new ArrayList<>();
        if (processes) {
            all.add(action(RUN_SCHEDULED_PROCESS, RUN_RESPONSE, param("ProcessId", GUID)));
            all.add(action(LIST_PROCESS_LOGS, LOGS_RESPONSE, param("ProcessId", GUID)));
        }
        if (statusUpdates) {
            all.add(action(DUPLICATE_STATUS_UPDATE, "sensei_statusupdate", param("ParentId", GUID), param("Name", STRING).setNullable(true),
                    param("StatusDate", Csdl.DATE).setNullable(true)));
            all.add(action(CLEAR_STATUS_UPDATE, "sensei_statusupdate", param("StatusUpdateId", GUID)));
            all.add(action(GET_STATUS_UPDATE_PANELS, PANELS_RESPONSE, param("StatusUpdateId", GUID)));
            all.add(action(GET_STATUS_UPDATE_PANEL_TIMINGS, TIMINGS_RESPONSE));
            all.add(action(TRACK_EVENT, TRACK_RESPONSE, param("TableType", STRING), param("EventType", STRING),
                    param("TimeZoneOffset", INT).setNullable(true), param("BrowserLanguage", STRING).setNullable(true)));
            all.add(action(LIST_TELEMETRY, TELEMETRY_RESPONSE));
            all.add(action(FEEDBACK_DUE, FEEDBACK_RESPONSE));
            all.add(action(RECORD_FEEDBACK_PROMPT, FEEDBACK_RESPONSE));
        }
        return all;
    }

    List<CsdlActionImport> actionImports() { return Csdl.imports(actions()); }
}
