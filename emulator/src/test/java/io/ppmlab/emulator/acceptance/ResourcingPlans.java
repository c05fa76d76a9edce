package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.datasets.Ids;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers of the resourcing acceptance tests: demo ids, extra resources, plan bodies, capacity reads. */
final class ResourcingPlans {
    static final String SAVE = "sensei_SaveResourcePlan";
    static final UUID CALENDAR = Ids.of("sensei_enterprisecalendar", "Contoso Standard");

    private ResourcingPlans() {}

    static UUID resource(String name) { return Ids.of("bookableresource", name); }

    static UUID project(String name) { return DemoOrganisation.recordId("sensei_project", name); }

    static LocalDate today(RunningEmulator lab) { return LocalDate.ofInstant(lab.emulator().clock().instant(), ZoneOffset.UTC); }

    /** Creates {@code n} resources (no calendar) owned by the default team of {@code businessUnit}; returns their ids. */
    static List<UUID> createResources(LabHttp http, String admin, String prefix, int n, String businessUnit) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            LabHttp.Reply r = http.post(admin, "bookableresources", "{\"bookableresourceid\":\"" + id + "\",\"name\":\"" + prefix + " " + i
                    + "\",\"resourcetype\":1,\"ownerid@odata.bind\":\"/teams(" + DemoOrganisation.teamId(businessUnit) + ")\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(204);
            ids.add(id);
        }
        return ids;
    }

    /** A plan body: one row per resource per day from {@code first} to {@code last}, {@code hours} each. */
    static StringBuilder daily(UUID project, List<UUID> resources, LocalDate first, LocalDate last, String hours) {
        StringBuilder b = new StringBuilder("{\"Target\":{\"@odata.id\":\"sensei_projects(").append(project).append(")\"},\"Demand\":[");
        boolean comma = false;
        for (UUID r : resources) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (comma) b.append(',');
                b.append("{\"ResourceId\":\"").append(r).append("\",\"Date\":\"").append(d).append("\",\"Hours\":").append(hours).append('}');
                comma = true;
            }
        }
        return b;
    }

    /** Adds rows to a body from {@link #daily}. */
    static StringBuilder plus(StringBuilder body, UUID resource, LocalDate first, LocalDate last, String hours) {
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            body.append(",{\"ResourceId\":\"").append(resource).append("\",\"Date\":\"").append(d).append("\",\"Hours\":").append(hours).append('}');
        }
        return body;
    }

    static String close(StringBuilder body) { return body + "]}"; }

    /** Capacity hours of a resource on a day, read through the Web API; null without a row. */
    static JsonNode capacityRow(LabHttp http, String token, UUID resource, LocalDate day) {
        LabHttp.Reply r = http.get(token, ("sensei_resourcecapacities?$select=sensei_capacity,sensei_date&$filter=_sensei_bookableresource_value eq "
                + resource + " and sensei_date eq " + day).replace(" ", "%20"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode v = r.json().path("value");
        assertThat(v.size()).as("capacity rows of %s on %s", resource, day).isLessThanOrEqualTo(1);
        return v.size() == 0 ? null : v.get(0);
    }

    static Double hours(LabHttp http, String token, UUID resource, LocalDate day) {
        JsonNode row = capacityRow(http, token, resource, day);
        return row == null ? null : row.path("sensei_capacity").asDouble();
    }
}
