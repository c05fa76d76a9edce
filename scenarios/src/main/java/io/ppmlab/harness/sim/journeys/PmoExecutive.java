package io.ppmlab.harness.sim.journeys;

import io.gatling.javaapi.core.ChainBuilder;
import io.ppmlab.emulator.query.list.ListQueries;
import io.ppmlab.harness.sim.Api;
import io.ppmlab.harness.sim.Fixtures;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;

/**
 * PMO / Strategy Executive (Organization readers): the organisation-wide dashboard over every project: {@code $count},
 * an {@code $apply} aggregate, a FetchXML aggregate, and all projects paged through at 1,000 a page. The row counts
 * are checked against the organisation's manifest: an executive sees every project.
 */
public record PmoExecutive(Api api, Fixtures fixtures, Duration think) implements Journey {
    public static final String PERSONA = "pmo-executive";
    static final int PAGE = 1000;

    @Override public String persona() { return PERSONA; }

    @Override public List<Map<String, Object>> users() { return Users.records(fixtures.personas().get(PERSONA)); }

    @Override public ChainBuilder signIn() { return api.signIn(fixtures.password()); }

    @Override public int requests() { return 3 + (int) Math.ceil(fixtures.projects() / (double) PAGE); }

    @Override
    public ChainBuilder iteration() {
        // Dataverse's /$count answers at most 5,000 (README, "Queries"), whatever the table holds
        String total = String.valueOf(Math.min(fixtures.projects(), ListQueries.MAX_COUNT));
        String fetch = "<fetch aggregate=\"true\"><entity name=\"sensei_project\">"
                + "<attribute name=\"statuscode\" groupby=\"true\" alias=\"status\"/>"
                + "<attribute name=\"sensei_projectid\" aggregate=\"count\" alias=\"projects\"/>"
                + "<attribute name=\"sensei_budget\" aggregate=\"sum\" alias=\"budget\"/>"
                + "<attribute name=\"sensei_effortremaining\" aggregate=\"sum\" alias=\"remaining\"/></entity></fetch>";
        return exec(api.get("pmo.projects.count", "sensei_projects/$count").check(bodyString().is(total)))
                .exec(api.get("pmo.projects.apply", "sensei_projects?$apply=groupby((statuscode),aggregate("
                                + "sensei_budget%20with%20sum%20as%20budget,sensei_effortremaining%20with%20sum%20as%20remaining,$count%20as%20projects))")
                        .check(jsonPath("$.value[*].projects").ofLong().findAll().transform(l -> l.stream().mapToLong(Long::longValue).sum())
                                .is(fixtures.projects())))
                .pause(think)
                .exec(api.get("pmo.projects.fetchxml", "sensei_projects?fetchXml=" + Api.enc(fetch))
                        .check(jsonPath("$.value[*].projects").ofLong().findAll().transform(l -> l.stream().mapToLong(Long::longValue).sum())
                                .is(fixtures.projects())))
                .exec(session -> session.set("next", Api.ROOT + "sensei_projects?$select=sensei_name,sensei_budget,statuscode").set("rows", 0L))
                .exec(asLongAs(session -> session.contains("next")).on(
                        exec(api.get("pmo.projects.page", "#{next}").header("Prefer", "odata.maxpagesize=" + PAGE)
                                .check(jsonPath("$.value[*]").count().saveAs("pageRows"))
                                .check(jsonPath("$['@odata.nextLink']").optional().saveAs("nextLink")))
                                .exec(session -> {
                                    long rows = session.getLong("rows") + session.getInt("pageRows");
                                    var s = session.set("rows", rows).remove("next");
                                    return session.contains("nextLink") ? s.set("next", session.getString("nextLink")).remove("nextLink") : s;
                                })))
                .exec(api.check("pmo.projects.allpaged", session -> session.getLong("rows") == fixtures.projects(),
                        session -> "paged through " + session.getLong("rows") + " projects, the organisation holds " + total));
    }
}
