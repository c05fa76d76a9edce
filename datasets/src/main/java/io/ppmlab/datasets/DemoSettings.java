package io.ppmlab.datasets;

import java.time.Duration;
import java.time.Instant;

import static io.ppmlab.datasets.DemoContext.*;
import static io.ppmlab.datasets.DemoOrganisation.CREATED_ON;

/** The demo's configuration settings, one scheduled process and its logs (one past the 30-day purge age). */
final class DemoSettings {
    static final String SCHEDULED_PROCESS = "Overdue risks reminder";

    private DemoSettings() {}

    static void add(DemoContext ctx) {
        setting(ctx, "statusUpdateConfig", """
                ["sensei_deliverablesstatus","sensei_schedulestatus","sensei_workstatus","sensei_financialsstatus",\
                "sensei_issuesstatus","sensei_changerequestsstatus","sensei_risksstatus"]""",
                "Fields the Duplicate and Clear Status Update buttons copy or clear.");
        // Shipped blank, as documented: the defaults then apply.
        setting(ctx, "statusUpdateInformationPanels_IQ", null, "Default information panel calculations (shipped blank).");
        // The documentation's own examples; the JSON shape is the lab's, not the product's (which the docs show only as screens).
        setting(ctx, "statusUpdateInformationPanels_IQA", """
                {"parentFields":["sensei_projectlink","sensei_program"],"overallKpi":"sensei_overallstatus","fields":[\
                {"logicalName":"sensei_startdate","parent":"sensei_project","mode":"FixedValueFromParent","field":"sensei_projectstart"},\
                {"logicalName":"sensei_rejectedchangerequestscost","parent":"sensei_project","mode":"ODataAggregate","field":"sensei_costestimate",\
                "query":"/api/data/v9.0/sensei_changerequests?$select=sensei_costestimate&$filter=_sensei_project_value%20eq%20%27{parentId}%27%20and%20statuscode%20eq%20955000002"},\
                {"logicalName":"sensei_remainingwork","parent":"sensei_program","mode":"ODataQuery","field":"total",\
                "query":"/api/data/v9.0/sensei_programs({parentId})/sensei_project_sensei_program?$apply=groupby((sensei_program/sensei_programid),aggregate(sensei_effortremaining%20with%20sum%20as%20total))"}]}""",
                "Administrator overrides of the information panel calculations.");
        setting(ctx, "teamsAppChannelTabs", "[]", "Channel tabs the Teams app creates per project.");
        setting(ctx, "userFeedbackCadence", "30", "Days between feedback prompts; 0 never prompts.");

        ctx.org("sensei_scheduledprocess", Ids.of("sensei_scheduledprocess", SCHEDULED_PROCESS), vals(
                "sensei_name", SCHEDULED_PROCESS, "sensei_workflowextension", "sensei_SendReminder",
                "sensei_intervalminutes", 1440, "sensei_enabled", true, "sensei_fetchxml", """
                <fetch><entity name="sensei_risk"><attribute name="sensei_name"/><attribute name="sensei_assignedto"/>\
                <filter><condition attribute="sensei_duedate" operator="lt" value="{utcNow}"/>\
                <condition attribute="statecode" operator="eq" value="0"/></filter></entity></fetch>"""));
        log(ctx, CREATED_ON.minus(Duration.ofDays(40)), 3);
        log(ctx, CREATED_ON.minus(Duration.ofDays(1)), 4);
    }

    private static void setting(DemoContext ctx, String name, String value, String description) {
        ctx.org("sensei_configurationsetting", Ids.of("sensei_configurationsetting", name),
                vals("sensei_name", name, "sensei_value", value, "sensei_description", description));
    }

    private static void log(DemoContext ctx, Instant at, int rows) {
        String name = SCHEDULED_PROCESS + " " + at;
        ctx.org("sensei_processlog", Ids.of("sensei_processlog", name), vals(
                "sensei_name", name, "sensei_scheduledprocess", ref("sensei_scheduledprocess", Ids.of("sensei_scheduledprocess", SCHEDULED_PROCESS)),
                "createdon", at, "modifiedon", at.plusSeconds(2), "sensei_startedon", at, "sensei_finishedon", at.plusSeconds(2),
                "sensei_outcome", 955000001, "sensei_rowsprocessed", rows, "sensei_message", "Sent " + rows + " reminders"));
    }
}
