package io.ppmlab.harness.sim.journeys;

import io.gatling.javaapi.core.ChainBuilder;
import io.ppmlab.harness.sim.Api;
import io.ppmlab.harness.sim.Fixtures;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Admin: a project reassigned to the other of two teams (the owner cascades to its risks, checked by reading them
 * back), a group membership changed then synced, and a 251st Microsoft 365 group team for a user who administers 250
 * refused with 400.
 */
public record Admin(Api api, Fixtures fixtures, Duration think) implements Journey {
    public static final String PERSONA = "admin";

    @Override public String persona() { return PERSONA; }

    @Override public List<Map<String, Object>> users() { return List.of(Map.of("upn", fixtures.admin().upn())); }

    @Override public ChainBuilder signIn() { return api.signIn(fixtures.password()); }

    @Override public int requests() { return 5; }

    @Override
    public ChainBuilder iteration() {
        Fixtures.Admin a = fixtures.admin();
        Fixtures.GroupLimit g = fixtures.groupLimit();
        return exec(session -> {
                    int n = session.contains("adminCount") ? session.getInt("adminCount") : 0;
                    return session.set("adminCount", n + 1).set("toTeam", n % 2 == 0 ? a.teamB() : a.teamA())
                            .set("groupChange", n % 2 == 0 ? "add" : "remove");
                })
                .exec(api.patch("admin.project.reassign", "sensei_projects(" + a.project() + ")", "{\"ownerid@odata.bind\":\"/teams(#{toTeam})\"}", 204))
                .exec(api.get("admin.project.registers", "sensei_risks?$select=sensei_name,_ownerid_value&$filter=_sensei_project_value%20eq%20" + a.project())
                        .check(jsonPath("$.value[*]._ownerid_value").findAll().transformWithSession(
                                (owners, session) -> owners.stream().allMatch(o -> o.equals(session.getString("toTeam")))).is(true)))
                .pause(think)
                .exec(api.raw("admin.group.members", http("admin.group.members").post("/lab/groups/" + a.groupTeam() + "/members")
                        .header("Authorization", "Bearer #{token}").header("Content-Type", "application/json")
                        .body(StringBody("{\"#{groupChange}\":[\"" + a.memberUpn() + "\"]}")), 200))
                .exec(api.raw("admin.group.sync", http("admin.group.sync").post("/lab/groups/sync")
                        .header("Authorization", "Bearer #{token}"), 200))
                .exec(api.post("admin.group.251", "teams", "{\"name\":\"Group over the limit\",\"teamtype\":3,"
                                + "\"businessunitid@odata.bind\":\"/businessunits(" + g.businessUnitId() + ")\","
                                + "\"administratorid@odata.bind\":\"/systemusers(" + g.administratorId() + ")\"}", 400)
                        .check(jsonPath("$.error.code").is("0x80040265")));
    }
}
