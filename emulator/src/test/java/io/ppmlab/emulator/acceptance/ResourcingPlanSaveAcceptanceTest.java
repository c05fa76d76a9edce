package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.emulator.resourcing.HeatMapQueries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.ppmlab.emulator.acceptance.ResourcingPlans.SAVE;
import static io.ppmlab.emulator.acceptance.ResourcingPlans.close;
import static io.ppmlab.emulator.acceptance.ResourcingPlans.daily;
import static io.ppmlab.emulator.acceptance.ResourcingPlans.plus;
import static io.ppmlab.emulator.acceptance.ResourcingPlans.project;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sensei_SaveResourcePlan}: the documented save limit of 45 resource-years (90 resources for 6 months,
 * 15 resources for 3 years) passes, 45.1 is refused with a 400 and nothing written, a 90-resource plan loads in
 * one query, and a save is all or nothing and security-checked like single writes.
 */
class ResourcingPlanSaveAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static List<UUID> resources;
    static String rm;

    @BeforeAll
    static void ninetyOneResources() {
        resources = ResourcingPlans.createResources(lab.http(), lab.adminToken(), "Plan resource", 91, "IT");
        rm = lab.http().token("resourcemanager@contoso.test", "demo");
    }

    static long demandRows() { return lab.emulator().services().store().count("sensei_resourcedemand"); }

    static LabHttp.Reply save(String token, String body) { return lab.http().post(token, SAVE, body); }

    @Test
    void ninetyResourcesForSixMonthsAreFortyFiveResourceYearsAndSaveThenLoadInOneQuery() {
        UUID project = project("IT Project 1");
        long before = demandRows();
        String body = close(daily(project, resources.subList(0, 90), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30), "8"));
        LabHttp.Reply r = save(rm, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode out = r.json();
        assertThat(out.path("ResourceYears").decimalValue()).isEqualByComparingTo("45");
        assertThat(out.path("Resources").asInt()).isEqualTo(90);
        assertThat(out.path("Created").asInt()).isEqualTo(90 * 181);
        assertThat(demandRows() - before).isEqualTo(90 * 181);

        // The plan loads with one query (Dataverse pages it at 5,000 rows: follow @odata.nextLink).
        String url = ("sensei_resourcedemands?$select=_sensei_bookableresource_value,sensei_date,sensei_hours&$filter=_sensei_project_value eq "
                + project).replace(" ", "%20");
        Map<UUID, Integer> days = new HashMap<>();
        int pages = 0;
        while (url != null) {
            LabHttp.Reply page = lab.http().get(rm, url, "Prefer", "odata.maxpagesize=5000");
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            for (JsonNode row : page.json().path("value")) {
                days.merge(UUID.fromString(row.path("_sensei_bookableresource_value").asText()), 1, Integer::sum);
            }
            url = page.json().path("@odata.nextLink").asText(null);
            pages++;
        }
        days.remove(ResourcingPlans.resource("IT Developer")); // the demo's own plan rows of this project
        assertThat(days).hasSize(90).allSatisfy((k, n) -> assertThat(n).isEqualTo(181));
        assertThat(pages).isEqualTo(4);
        // ... or as the plan grid shows it, per resource per month: one page.
        String monthly = HeatMapQueries.plan("sensei_project", project, resources.subList(0, 90), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30),
                HeatMapQueries.Period.MONTH);
        LabHttp.Reply grid = lab.http().get(rm, HeatMapQueries.path("sensei_resourcedemands", monthly));
        assertThat(grid.status()).as(grid.body()).isEqualTo(200);
        assertThat(grid.json().path("value").size()).isEqualTo(90 * 6);
        assertThat(grid.json().path("value").get(1).path("hours").asDouble()).isEqualTo(28 * 8.0); // February 2027

        // Saved again unchanged: nothing written.
        LabHttp.Reply again = save(rm, body);
        assertThat(again.json().path("Unchanged").asInt()).isEqualTo(90 * 181);
    }

    @Test
    void fifteenResourcesForThreeYearsAreFortyFiveResourceYearsAndSave() {
        long before = demandRows();
        String body = close(daily(project("IT Project 2"), resources.subList(0, 15), LocalDate.of(2027, 1, 1), LocalDate.of(2029, 12, 31), "7.5"));
        LabHttp.Reply r = save(rm, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("ResourceYears").decimalValue()).isEqualByComparingTo("45");
        assertThat(demandRows() - before).isEqualTo(15 * (365 + 366 + 365)); // 2028 is a leap year: still 36 months
    }

    @Test
    void fortyFivePointOneResourceYearsAreRefusedWithA400AndNothingWritten() {
        UUID project = project("IT Project 3");
        StringBuilder body = daily(project, resources.subList(0, 90), LocalDate.of(2028, 1, 1), LocalDate.of(2028, 6, 30), "8");
        plus(body, resources.get(90), LocalDate.of(2028, 4, 1), LocalDate.of(2028, 4, 6), "8");   // 6/30 of a month
        plus(body, resources.get(90), LocalDate.of(2028, 6, 1), LocalDate.of(2028, 6, 30), "8");  // and a month: 0.1 year
        long before = demandRows();
        LabHttp.Reply r = save(rm, close(body));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("0x80040265");
        assertThat(r.json().path("error").path("message").asText())
                .contains("45.1 resource-years (91 resources)").contains("at most 45 resource-years").contains("Nothing was saved");
        assertThat(demandRows()).isEqualTo(before);
    }

    @Test
    void theLimitIsAConfigurationSetting() {
        String admin = lab.adminToken();
        LabHttp.Reply set = lab.http().post(admin, "sensei_configurationsettings",
                "{\"sensei_name\":\"resourcePlanSaveLimit\",\"sensei_value\":\"0.01\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(204);
        String id = set.header("OData-EntityId").replaceAll(".*\\((.*)\\)", "$1");
        try {
            LabHttp.Reply r = save(rm, close(daily(project("HR Project 1"), resources.subList(0, 1), LocalDate.of(2029, 1, 1), LocalDate.of(2029, 1, 5), "8")));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().path("error").path("message").asText()).contains("at most 0.01 resource-years");
        } finally {
            assertThat(lab.http().delete(admin, "sensei_configurationsettings(" + id + ")").status()).isEqualTo(204);
        }
    }

    @Test
    void aSaveIsAllOrNothing() {
        UUID project = project("HR Project 2");
        long before = demandRows();
        StringBuilder unknownResource = daily(project, resources.subList(0, 3), LocalDate.of(2029, 3, 1), LocalDate.of(2029, 3, 31), "8");
        plus(unknownResource, UUID.randomUUID(), LocalDate.of(2029, 3, 1), LocalDate.of(2029, 3, 1), "8");
        LabHttp.Reply r = save(rm, close(unknownResource));
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        StringBuilder badHours = daily(project, resources.subList(0, 3), LocalDate.of(2029, 3, 1), LocalDate.of(2029, 3, 31), "8");
        plus(badHours, resources.get(3), LocalDate.of(2029, 3, 1), LocalDate.of(2029, 3, 1), "25");
        assertThat(save(rm, close(badHours)).status()).isEqualTo(400);
        StringBuilder overlap = daily(project, resources.subList(0, 1), LocalDate.of(2029, 3, 1), LocalDate.of(2029, 3, 31), "8");
        overlap.append(",{\"ResourceId\":\"").append(resources.get(0)).append("\",\"Date\":\"2029-02-25\",\"EndDate\":\"2029-03-02\",\"Hours\":10}");
        LabHttp.Reply o = save(rm, close(overlap));
        assertThat(o.status()).isEqualTo(400);
        assertThat(o.json().path("error").path("message").asText()).contains("overlaps");
        // A project user may not create demand (only Resource Manager, PMO and Admin write it): 403, nothing written.
        LabHttp.Reply denied = save(lab.http().token("projectuser@contoso.test", "demo"),
                close(daily(project("IT Project 1"), resources.subList(0, 2), LocalDate.of(2029, 3, 1), LocalDate.of(2029, 3, 2), "8")));
        assertThat(denied.status()).as(denied.body()).isEqualTo(403);
        assertThat(demandRows()).isEqualTo(before);
    }

    @Test
    void cellsAreUpdatedClearedAndPeriodsKept() {
        UUID project = project("HR Project 3");
        List<UUID> two = resources.subList(0, 2);
        LocalDate first = LocalDate.of(2029, 5, 7);
        LabHttp.Reply created = save(rm, close(daily(project, two, first, first.plusDays(4), "8")));
        assertThat(created.json().path("Created").asInt()).as(created.body()).isEqualTo(10);
        LabHttp.Reply updated = save(rm, close(daily(project, two, first, first.plusDays(4), "4")));
        assertThat(updated.json().path("Updated").asInt()).isEqualTo(10);
        // Clearing a cell deletes its row: Resource Manager deletes only what it owns (the project's team owns plan rows).
        String clear = close(daily(project, two.subList(0, 1), first, first, "null"));
        LabHttp.Reply refused = save(rm, clear);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("0x80048306");
        LabHttp.Reply cleared = save(lab.adminToken(), clear);
        assertThat(cleared.json().path("Deleted").asInt()).as(cleared.body()).isEqualTo(1);
        String period = "{\"Target\":{\"@odata.type\":\"Microsoft.Dynamics.CRM.sensei_project\",\"sensei_projectid\":\"" + project
                + "\"},\"Demand\":[{\"ResourceId\":\"" + two.get(0) + "\",\"Date\":\"2029-07-01\",\"EndDate\":\"2029-07-31\",\"Hours\":160}]}";
        LabHttp.Reply p = save(rm, period);
        assertThat(p.status()).as(p.body()).isEqualTo(200);
        assertThat(p.json().path("ResourceYears").decimalValue()).isEqualByComparingTo("0.0833");
        LabHttp.Reply rows = lab.http().get(rm, ("sensei_resourcedemands?$select=sensei_date,sensei_enddate,sensei_hours&$filter=_sensei_project_value eq "
                + project + " and _sensei_bookableresource_value eq " + two.get(0) + "&$orderby=sensei_date").replace(" ", "%20"));
        JsonNode v = rows.json().path("value");
        assertThat(v.size()).isEqualTo(5); // 4 days left + the July period
        assertThat(v.get(4).path("sensei_enddate").asText()).isEqualTo("2029-07-31");
        assertThat(v.get(4).path("sensei_hours").asDouble()).isEqualTo(160.0);
    }

    @Test
    void badBodiesAreClear400s() {
        assertThat(save(rm, "{}").json().path("error").path("message").asText()).contains("'Target'");
        assertThat(save(rm, "{\"Target\":{\"@odata.id\":\"sensei_risks(" + UUID.randomUUID() + ")\"},\"Demand\":[]}")
                .json().path("error").path("message").asText()).contains("project or a proposal");
        assertThat(save(rm, "{\"Target\":{\"@odata.id\":\"sensei_projects(" + project("IT Project 1") + ")\"},\"Demand\":[{\"ResourceId\":\""
                + resources.get(0) + "\",\"Date\":\"2029-13-01\",\"Hours\":1}]}").json().path("error").path("message").asText()).contains("Demand[0].Date");
    }
}
