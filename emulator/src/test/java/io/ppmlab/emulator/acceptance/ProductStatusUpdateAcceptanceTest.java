package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.datasets.Ids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Status updates over a real server: the panel snapshot with the built-in defaults and the demo's administrator
 * overrides, every calculation mode, KPI defaults and the Overall roll-up, KPIs the user set, the snapshot
 * property, panel queries run as the creating user (IT and HR users count only their own rows), Duplicate and
 * Clear, and the end of the subscription.
 */
class ProductStatusUpdateAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static final UUID HR_PROJECT_2 = DemoOrganisation.recordId("sensei_project", "HR Project 2");
    static final UUID IT_PROGRAM_3 = DemoOrganisation.recordId("sensei_program", "IT Program 3");
    static final String IQA = "statusUpdateInformationPanels_IQA";
    static String demoOverrides;

    static String token(String colour) { return lab.http().token(colour + "@contoso.test", "demo"); }

    static UUID settingId(String name) { return Ids.of("sensei_configurationsetting", name); }

    static String setting(String name) {
        return lab.http().get(lab.adminToken(), "sensei_configurationsettings(" + settingId(name) + ")").json().path("sensei_value").asText(null);
    }

    static void setSetting(String name, String value) {
        String body = "{\"sensei_name\":\"" + name + "\",\"sensei_value\":" + (value == null ? "null" : LabHttp.JSON.getNodeFactory().textNode(value).toString()) + "}";
        LabHttp.Reply r = lab.http().patch(lab.adminToken(), "sensei_configurationsettings(" + settingId(name) + ")", body);
        assertThat(r.status()).as(r.body()).isIn(204, 201);
    }

    static JsonNode create(String token, String parentBind, String extra) {
        LabHttp.Reply r = lab.http().post(token, "sensei_statusupdates", "{\"sensei_name\":\"Week " + UUID.randomUUID() + "\"," + (extra.contains("sensei_statusdate") ? "" : "\"sensei_statusdate\":\"2026-12-05\",")
                + parentBind + (extra.isEmpty() ? "" : "," + extra) + "}", "Prefer", "return=representation");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static String underProject(UUID id) { return "\"sensei_projectlink@odata.bind\":\"/sensei_projects(" + id + ")\""; }

    static String underProgram(UUID id) { return "\"sensei_program@odata.bind\":\"/sensei_programs(" + id + ")\""; }

    static int count(String token, String query) {
        return lab.http().get(token, query).json().path("value").size();
    }

    @BeforeAll
    static void keepDemoSettings() { demoOverrides = setting(IQA); }

    @AfterEach
    void restoreSettings() {
        setSetting(IQA, demoOverrides);
        setSetting("statusUpdateConfig", "[\"sensei_deliverablesstatus\",\"sensei_schedulestatus\",\"sensei_workstatus\",\"sensei_financialsstatus\",\"sensei_issuesstatus\",\"sensei_changerequestsstatus\",\"sensei_risksstatus\"]");
    }

    @Test
    void aProjectStatusUpdateSnapshotsItsPanelsFromTheProjectAndItsRegisters() {
        String yellow = token("yellow");
        JsonNode project = lab.http().get(yellow, "sensei_projects(" + HR_PROJECT_2 + ")").json();
        JsonNode su = create(yellow, underProject(HR_PROJECT_2), "");
        // fixed value from parent (the demo's override of sensei_startdate)
        assertThat(su.path("sensei_startdate").asText()).isEqualTo(project.path("sensei_projectstart").asText());
        assertThat(su.path("sensei_scheduledfinish").asText()).isEqualTo(project.path("sensei_projectfinish").asText());
        assertThat(su.path("sensei_totalwork").decimalValue()).isEqualByComparingTo(project.path("sensei_effort").decimalValue());
        // variance: numeric, and a difference of dates in days
        assertThat(su.path("sensei_workvariance").decimalValue())
                .isEqualByComparingTo(project.path("sensei_effort").decimalValue().subtract(project.path("sensei_baselineeffort").decimalValue()));
        assertThat(su.path("sensei_schedulevariance").asLong()).isEqualTo(ChronoUnit.DAYS.between(
                LocalDate.parse(project.path("sensei_baselinefinish").asText()), LocalDate.parse(project.path("sensei_projectfinish").asText())));
        // OData aggregate, count: the active deliverables the same user reads
        assertThat(su.path("sensei_activedeliverables").asInt()).isEqualTo(count(yellow,
                "sensei_deliverables?$select=sensei_deliverableid&$filter=_sensei_project_value%20eq%20" + HR_PROJECT_2 + "%20and%20statecode%20eq%200"));
        // OData aggregate, sum of a field (the documented rejected change requests query, quoted {parentId})
        BigDecimal rejected = BigDecimal.ZERO;
        for (JsonNode cr : lab.http().get(yellow, "sensei_changerequests?$filter=_sensei_project_value%20eq%20" + HR_PROJECT_2 + "%20and%20statuscode%20eq%20955000002").json().path("value")) {
            rejected = rejected.add(cr.path("sensei_costestimate").decimalValue());
        }
        assertThat(su.path("sensei_rejectedchangerequestscost").decimalValue()).isEqualByComparingTo(rejected);
        // overdue registers: active, due before today (lab clock), as the same user reads them
        String today = LocalDate.ofInstant(lab.emulator().clock().instant(), java.time.ZoneOffset.UTC).toString();
        assertThat(su.path("sensei_overduerisks").asInt()).isEqualTo(count(yellow, "sensei_risks?$select=sensei_riskid&$filter=_sensei_project_value%20eq%20"
                + HR_PROJECT_2 + "%20and%20statecode%20eq%200%20and%20sensei_duedate%20lt%20" + today));
        assertThat(su.path("sensei_risksstatus").asInt()).isEqualTo(su.path("sensei_overduerisks").asInt() > 0 ? 955000001 : 955000000);
        // finance (hard-coded)
        assertThat(su.path("sensei_financialvariance").decimalValue())
                .isEqualByComparingTo(project.path("sensei_actualcost").decimalValue().subtract(project.path("sensei_budget").decimalValue()));
        // every KPI has a default and Overall rolls them up
        int worst = 955000000;
        for (String kpi : new String[]{"sensei_deliverablesstatus", "sensei_schedulestatus", "sensei_workstatus", "sensei_financialsstatus",
                "sensei_issuesstatus", "sensei_changerequestsstatus", "sensei_risksstatus"}) {
            assertThat(su.path(kpi).asInt()).as(kpi).isBetween(955000000, 955000002);
            worst = Math.max(worst, su.path(kpi).asInt());
        }
        assertThat(su.path("sensei_overallstatus").asInt()).isEqualTo(worst);
    }

    @Test
    void aProgramStatusUpdateUsesTheDocumentedApplyTotalForRemainingWork() {
        String green = token("green");
        BigDecimal remaining = BigDecimal.ZERO;
        for (JsonNode p : lab.http().get(green, "sensei_projects?$select=sensei_effortremaining&$filter=_sensei_program_value%20eq%20" + IT_PROGRAM_3).json().path("value")) {
            remaining = remaining.add(p.path("sensei_effortremaining").decimalValue());
        }
        JsonNode su = create(green, underProgram(IT_PROGRAM_3), "");
        assertThat(su.path("sensei_remainingwork").decimalValue()).isEqualByComparingTo(remaining);
    }

    @Test
    void theSnapshotDoesNotFollowLaterChangesToTheProjectAndAKpiTheUserSetIsKept() {
        String yellow = token("yellow");
        JsonNode first = create(yellow, underProject(HR_PROJECT_2), "\"sensei_workstatus\":955000002");
        assertThat(first.path("sensei_workstatus").asInt()).isEqualTo(955000002);
        assertThat(first.path("sensei_overallstatus").asInt()).as("Troubled rolls up").isEqualTo(955000002);
        BigDecimal effort = first.path("sensei_totalwork").decimalValue();
        assertThat(lab.http().patch(yellow, "sensei_projects(" + HR_PROJECT_2 + ")", "{\"sensei_effort\":" + effort.add(BigDecimal.valueOf(100)) + "}").status()).isEqualTo(204);
        JsonNode again = lab.http().get(yellow, "sensei_statusupdates(" + first.path("sensei_statusupdateid").asText() + ")").json();
        assertThat(again.path("sensei_totalwork").decimalValue()).isEqualByComparingTo(effort);
        JsonNode second = create(yellow, underProject(HR_PROJECT_2), "");
        assertThat(second.path("sensei_totalwork").decimalValue()).isEqualByComparingTo(effort.add(BigDecimal.valueOf(100)));
        assertThat(lab.http().patch(yellow, "sensei_projects(" + HR_PROJECT_2 + ")", "{\"sensei_effort\":" + effort + "}").status()).isEqualTo(204);
    }

    @Test
    void panelQueriesRunAsTheCreatingUserSoITAndHRUsersCountOnlyTheirOwnRows() {
        // an administrator's panel counting every risk, without a parent filter
        setSetting(IQA, "{\"fields\":[{\"logicalName\":\"sensei_activedeliverables\",\"configurations\":["
                + "{\"parent\":\"sensei_project\",\"mode\":\"ODataAggregate\",\"query\":\"/api/data/v9.2/sensei_risks?$select=sensei_riskid\"},"
                + "{\"parent\":\"sensei_program\",\"mode\":\"ODataAggregate\",\"query\":\"/api/data/v9.2/sensei_risks?$select=sensei_riskid\"}]}]}");
        String green = token("green");
        String yellow = token("yellow");
        int itRisks = count(green, "sensei_risks?$select=sensei_riskid");
        int hrRisks = count(yellow, "sensei_risks?$select=sensei_riskid");
        int all = count(lab.adminToken(), "sensei_risks?$select=sensei_riskid");
        assertThat(itRisks).isLessThan(all);
        assertThat(hrRisks).isLessThan(all);
        assertThat(create(green, underProgram(IT_PROGRAM_3), "").path("sensei_activedeliverables").asInt()).isEqualTo(itRisks);
        assertThat(create(yellow, underProject(HR_PROJECT_2), "").path("sensei_activedeliverables").asInt()).isEqualTo(hrRisks);
    }

    @Test
    void duplicateCopiesTheConfiguredFieldsFromTheLatestStatusUpdateAndClearClearsThem() {
        String yellow = token("yellow");
        create(yellow, underProject(HR_PROJECT_2), "\"sensei_statusdate\":\"2030-01-01\",\"sensei_workstatus\":955000002,\"sensei_risksstatus\":955000001,\"sensei_comments\":\"latest\"");
        LabHttp.Reply dup = lab.http().post(yellow, "sensei_DuplicateStatusUpdate", "{\"ParentId\":\"" + HR_PROJECT_2 + "\",\"StatusDate\":\"2030-01-08\"}");
        assertThat(dup.status()).as(dup.body()).isEqualTo(200);
        JsonNode copy = dup.json();
        assertThat(copy.path("sensei_workstatus").asInt()).isEqualTo(955000002);
        assertThat(copy.path("sensei_risksstatus").asInt()).isEqualTo(955000001);
        assertThat(copy.path("sensei_comments").isNull()).as("not in statusUpdateConfig").isTrue();
        assertThat(copy.path("_sensei_projectlink_value").asText()).isEqualTo(HR_PROJECT_2.toString());
        LabHttp.Reply cleared = lab.http().post(yellow, "sensei_ClearStatusUpdate", "{\"StatusUpdateId\":\"" + copy.path("sensei_statusupdateid").asText() + "\"}");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().path("sensei_workstatus").isNull()).isTrue();
        assertThat(cleared.json().path("sensei_totalwork").isNull()).as("panels are not in statusUpdateConfig").isFalse();

        setSetting("statusUpdateConfig", "[\"sensei_workstatus\",\"sensei_projectlink\"]");
        LabHttp.Reply lookup = lab.http().post(yellow, "sensei_DuplicateStatusUpdate", "{\"ParentId\":\"" + HR_PROJECT_2 + "\"}");
        assertThat(lookup.status()).isEqualTo(400);
        assertThat(lookup.json().path("error").path("message").asText()).contains("sensei_projectlink", "lookup");
        setSetting("statusUpdateConfig", "[\"sensei_nosuchfield\"]");
        assertThat(lab.http().post(yellow, "sensei_ClearStatusUpdate", "{\"StatusUpdateId\":\"" + copy.path("sensei_statusupdateid").asText() + "\"}").status()).isEqualTo(400);
    }

    @Test
    void aWrongPanelConfigurationIsRefusedWithTheSettingAndFieldNamed() {
        setSetting(IQA, "{\"fields\":[{\"logicalName\":\"sensei_totalwork\",\"configurations\":[{\"parent\":\"sensei_project\",\"mode\":\"Guess\"}]}]}");
        LabHttp.Reply r = lab.http().post(token("yellow"), "sensei_statusupdates", "{\"sensei_name\":\"x\"," + underProject(HR_PROJECT_2) + "}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("message").asText()).contains("statusUpdateInformationPanels_IQA", "sensei_totalwork", "Guess");
        // a type override: Integer rounds the project's decimal effort
        setSetting(IQA, "{\"fields\":[{\"logicalName\":\"sensei_totalwork\",\"typeOverride\":\"Integer\",\"configurations\":[{\"parent\":\"sensei_project\",\"mode\":\"ODataQuery\",\"field\":\"sensei_percentcomplete\",\"query\":\"/api/data/v9.2/sensei_projects({parentId})?$select=sensei_percentcomplete\"}]}]}");
        String yellow = token("yellow");
        BigDecimal pct = lab.http().get(yellow, "sensei_projects(" + HR_PROJECT_2 + ")").json().path("sensei_percentcomplete").decimalValue();
        JsonNode su = create(yellow, underProject(HR_PROJECT_2), "");
        assertThat(su.path("sensei_totalwork").decimalValue()).isEqualByComparingTo(pct.setScale(0, java.math.RoundingMode.HALF_UP));
    }
}
