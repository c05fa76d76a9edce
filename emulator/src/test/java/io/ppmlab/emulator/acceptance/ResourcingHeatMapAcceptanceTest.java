package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.emulator.resourcing.HeatMapQueries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.ppmlab.emulator.acceptance.ResourcingPlans.close;
import static io.ppmlab.emulator.acceptance.ResourcingPlans.daily;
import static io.ppmlab.emulator.acceptance.ResourcingPlans.project;
import static io.ppmlab.emulator.acceptance.ResourcingPlans.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capacity against demand per resource per week (or month) for a set of resources, through the query engine
 * (FetchXML aggregates from {@link HeatMapQueries}), with security: bookable resources and their capacity are
 * read at Business Unit depth by default, so an IT user's heat map holds the IT resources only.
 */
class ResourcingHeatMapAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static final List<String> IT = List.of("Blue User", "Green User", "Purple User", "IT Developer");
    static final List<String> HR = List.of("Yellow User", "Red User", "HR Analyst");
    static final LocalDate FROM = LocalDate.of(2027, 3, 1);  // a Monday: four ISO weeks to 28 March
    static final LocalDate TO = LocalDate.of(2027, 3, 28);
    static final List<UUID> ALL = new ArrayList<>();

    @BeforeAll
    static void capacityAndAPlan() {
        for (String n : IT) ALL.add(resource(n));
        for (String n : HR) ALL.add(resource(n));
        lab.emulator().services().resourcing().capacity().catchUp();
        String admin = lab.adminToken();
        // Blue and IT Developer on IT Project 1, 6 hours a day every day; Red on HR Project 1, 4 hours a day.
        LabHttp.Reply it = lab.http().post(admin, ResourcingPlans.SAVE,
                close(daily(project("IT Project 1"), List.of(resource("Blue User"), resource("IT Developer")), FROM, TO, "6")));
        assertThat(it.status()).as(it.body()).isEqualTo(200);
        LabHttp.Reply hr = lab.http().post(admin, ResourcingPlans.SAVE, close(daily(project("HR Project 1"), List.of(resource("Red User")), FROM, TO, "4")));
        assertThat(hr.status()).as(hr.body()).isEqualTo(200);
    }

    /** (resource, period) → hours, from a heat-map query run as {@code user}. */
    static Map<String, Double> heat(String user, String entitySet, String fetchXml) {
        LabHttp.Reply r = lab.http().get(lab.http().token(user + "@contoso.test", "demo"), HeatMapQueries.path(entitySet, fetchXml));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, Double> cells = new HashMap<>();
        for (JsonNode row : r.json().path("value")) {
            cells.put(row.path("resource").asText() + "/" + row.path("year").asInt() + "-" + row.path("period").asInt(), row.path("hours").asDouble());
        }
        return cells;
    }

    static Set<UUID> resources(Map<String, Double> cells) {
        Set<UUID> out = new HashSet<>();
        cells.keySet().forEach(k -> out.add(UUID.fromString(k.substring(0, 36))));
        return out;
    }

    @Test
    void capacityAgainstDemandPerWeekForTheWholePool() {
        Map<String, Double> capacity = heat("resourcemanager", "sensei_resourcecapacities",
                HeatMapQueries.capacity(ALL, FROM, TO, HeatMapQueries.Period.WEEK));
        assertThat(capacity).hasSize(7 * 4);
        assertThat(capacity.values()).containsOnly(40.0);                        // Monday to Friday, 8 hours
        Map<String, Double> demand = heat("resourcemanager", "sensei_resourcedemands",
                HeatMapQueries.demand(ALL, FROM, TO, HeatMapQueries.Period.WEEK));
        assertThat(demand).hasSize(3 * 4);
        assertThat(demand.get(resource("Blue User") + "/2027-9")).isEqualTo(42.0); // ISO week 9: 1–7 March, 7 × 6 h: over capacity
        assertThat(demand.get(resource("Red User") + "/2027-12")).isEqualTo(28.0);
    }

    @Test
    void aBusinessUnitUserSeesTheResourcesOfItsUnitOnly() {
        Map<String, Double> it = heat("projectuser", "sensei_resourcecapacities", HeatMapQueries.capacity(ALL, FROM, TO, HeatMapQueries.Period.WEEK));
        assertThat(resources(it)).containsExactlyInAnyOrderElementsOf(IT.stream().map(ResourcingPlans::resource).toList());
        Map<String, Double> hr = heat("strategyuser", "sensei_resourcecapacities", HeatMapQueries.capacity(ALL, FROM, TO, HeatMapQueries.Period.WEEK));
        assertThat(resources(hr)).containsExactlyInAnyOrderElementsOf(HR.stream().map(ResourcingPlans::resource).toList());
        // Resource Organizational Access widens capacity to the whole organisation.
        Map<String, Double> org = heat("resourceorgaccess", "sensei_resourcecapacities", HeatMapQueries.capacity(ALL, FROM, TO, HeatMapQueries.Period.WEEK));
        assertThat(resources(org)).hasSize(7);
        // Demand is Resource IQ data: a Project User has no read privilege on it.
        LabHttp.Reply denied = lab.http().get(lab.http().token("projectuser@contoso.test", "demo"),
                HeatMapQueries.path("sensei_resourcedemands", HeatMapQueries.demand(ALL, FROM, TO, HeatMapQueries.Period.WEEK)));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("0x80040220");
    }

    @Test
    void perMonth() {
        Map<String, Double> capacity = heat("resourcemanager", "sensei_resourcecapacities",
                HeatMapQueries.capacity(ALL, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 30), HeatMapQueries.Period.MONTH));
        assertThat(capacity).hasSize(7 * 2);
        assertThat(capacity.get(resource("Green User") + "/2027-3")).isEqualTo(23 * 8.0);  // 23 weekdays in March 2027
        assertThat(capacity.get(resource("Green User") + "/2027-4")).isEqualTo(22 * 8.0);
    }
}
