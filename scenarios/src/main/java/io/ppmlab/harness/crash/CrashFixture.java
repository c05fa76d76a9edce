package io.ppmlab.harness.crash;

import io.ppmlab.datasets.DemoOrganisation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the crash loop creates once over HTTP before the first kill: the resources every plan covers and a pool of
 * projects, all owned by the demo's IT team, whose Resource Manager saves the plans.
 */
record CrashFixture(PlanGrid grid, List<UUID> projects) {
    static final String ADMIN = "admin@contoso.test";
    static final String RESOURCE_MANAGER = "resourcemanager@contoso.test";

    CrashFixture {
        projects = List.copyOf(projects);
    }

    static CrashFixture prepare(WebApiClient client, CrashSettings settings) {
        String admin = client.token(ADMIN);
        String team = "/teams(" + DemoOrganisation.teamId("IT") + ")";
        List<UUID> resources = new ArrayList<>();
        for (int i = 0; i < settings.resources(); i++) {
            UUID id = UUID.randomUUID();
            client.postExpecting(admin, "bookableresources", "{\"bookableresourceid\":\"" + id + "\",\"name\":\"Crash resource " + i
                    + "\",\"resourcetype\":1,\"ownerid@odata.bind\":\"" + team + "\"}", 204);
            resources.add(id);
        }
        List<UUID> projects = new ArrayList<>();
        for (int i = 0; i < settings.projects(); i++) {
            UUID id = UUID.randomUUID();
            client.postExpecting(admin, "sensei_projects", "{\"sensei_projectid\":\"" + id + "\",\"sensei_name\":\"Crash project " + i
                    + "\",\"ownerid@odata.bind\":\"" + team + "\"}", 204);
            projects.add(id);
        }
        return new CrashFixture(new PlanGrid(resources, CrashSettings.FIRST_DAY, settings.lastDay()), projects);
    }
}
