package io.ppmlab.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.harness.limits.Evidence;

import java.util.Optional;

/**
 * One-off checks of documented limits that are a single request each rather than a journey: the capacity horizon
 * (the default read from the settings row, or from the capacity the organisation holds; 11 years accepted; 12
 * refused), and the storage meter's quota per resource-year.
 */
public final class Probes {
    private final WebClient web;
    private final String adminToken;

    public Probes(WebClient web, String adminToken) {
        this.web = web;
        this.adminToken = adminToken;
    }

    public Evidence.HorizonProbe horizon(long resources, long capacityRows) {
        JsonNode setting = web.get(adminToken, "sensei_configurationsettings?$select=sensei_value&$filter=sensei_name%20eq%20%27resourceCapacityHorizon%27")
                .expect(200, "horizon setting").json().path("value");
        int defaultYears;
        if (setting.size() > 0) {
            try {
                JsonNode v = new ObjectMapper().readTree(setting.path(0).path("sensei_value").asText());
                defaultYears = v.path("yearsBehind").asInt() + v.path("yearsAhead").asInt();
            } catch (java.io.IOException e) {
                defaultYears = -1;
            }
        } else {
            defaultYears = resources == 0 ? -1 : (int) Math.round(capacityRows / (double) resources / 365.25);
        }
        int eleven = web.post(adminToken, "sensei_SetCapacityHorizon", "{\"YearsBehind\":1,\"YearsAhead\":10}").status();
        WebClient.Reply twelve = web.post(adminToken, "sensei_SetCapacityHorizon", "{\"YearsBehind\":1,\"YearsAhead\":11}");
        web.post(adminToken, "sensei_SetCapacityHorizon", "{\"YearsBehind\":1,\"YearsAhead\":3}").expect(200, "horizon restored to 1 + 3 years");
        String code = twelve.status() == 400 ? twelve.json().path("error").path("code").asText() : "";
        return new Evidence.HorizonProbe(defaultYears, eleven, twelve.status(), code);
    }

    /** The storage meter's report ({@code GET /lab/storage}), empty when it does not answer. */
    public Optional<JsonNode> storage() {
        WebClient.Reply r = web.get(adminToken, "/lab/storage");
        return r.status() == 200 ? Optional.of(r.json()) : Optional.empty();
    }

    /** The emulator's own counters ({@code GET /lab/metrics.json}), empty when this emulator has none. */
    public Optional<JsonNode> serverMetrics() {
        WebClient.Reply r = web.get(adminToken, "/lab/metrics.json");
        return r.status() == 200 ? Optional.of(r.json()) : Optional.empty();
    }
}
