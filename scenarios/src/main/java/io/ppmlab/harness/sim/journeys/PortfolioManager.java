package io.ppmlab.harness.sim.journeys;

import io.gatling.javaapi.core.ChainBuilder;
import io.ppmlab.harness.sim.Api;
import io.ppmlab.harness.sim.Fixtures;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;

/**
 * Portfolio Manager (a Business-Unit reader and member of M365-group teams): the landing lists paged at 50, a project it
 * may write opened with its registers, a risk edited, a status update created, and the two panel queries the product's
 * documentation prints, sent verbatim (v9.0, a quoted {@code {parentId}}, URL-encoded as the documentation asks).
 */
public record PortfolioManager(Api api, Fixtures fixtures, Duration think) implements Journey {
    public static final String PERSONA = "portfolio-manager";

    @Override public String persona() { return PERSONA; }

    @Override public List<Map<String, Object>> users() { return Users.records(fixtures.personas().get(PERSONA)); }

    @Override public ChainBuilder signIn() { return api.signIn(fixtures.password()); }

    @Override public int requests() { return 8; }

    @Override
    public ChainBuilder iteration() {
        return exec(list("pm.portfolios.list", "sensei_portfolios?$select=sensei_name&$orderby=sensei_name"))
                .pause(think)
                .exec(list("pm.programs.list", "sensei_programs?$select=sensei_name,_sensei_portfolio_value&$orderby=sensei_name"))
                .exec(list("pm.projects.list", "sensei_projects?$select=sensei_name,sensei_percentcomplete,_sensei_program_value&$orderby=sensei_name"))
                .pause(think)
                .exec(api.get("pm.project.open", "sensei_projects(#{writableProject})?$select=sensei_name,sensei_budget,sensei_projectfinish"
                                + "&$expand=sensei_risk_sensei_project($select=sensei_name,sensei_riskscore),"
                                + "sensei_issue_sensei_project($select=sensei_name),"
                                + "sensei_changerequest_sensei_project($select=sensei_name,statuscode,sensei_costestimate)")
                        .check(jsonPath("$.sensei_projectid").isEL("#{writableProject}"))
                        .check(jsonPath("$._sensei_program_value").optional().saveAs("program")))
                .pause(think)
                .exec(api.patch("pm.risk.edit", "sensei_risks(#{writableRisk})", "{\"sensei_mitigation\":\"Reviewed in the weekly portfolio meeting\"}", 204))
                .exec(api.post("pm.statusupdate.create", "sensei_statusupdates",
                        "{\"sensei_name\":\"Weekly status\",\"sensei_statusdate\":\"2025-01-06\","
                                + "\"sensei_projectlink@odata.bind\":\"/sensei_projects(#{writableProject})\"}", 204))
                // Settings > status update panels, "OData aggregate": the documented query, {parentId} replaced.
                .exec(api.get("pm.panel.rejectedcrcost", "/api/data/v9.0/sensei_changerequests?$select=sensei_costestimate"
                        + "&$filter=_sensei_project_value%20eq%20%27#{writableProject}%27%20and%20statuscode%20eq%20955000002")
                        .check(jsonPath("$.value").exists()))
                // "OData query": the documented $apply over a program's projects.
                .doIfOrElse(session -> session.contains("program")).then(
                        exec(api.get("pm.panel.programremainingwork", "/api/data/v9.0/sensei_programs(#{program})/sensei_project_sensei_program"
                                + "?$apply=groupby((sensei_program/sensei_programid),aggregate(sensei_effortremaining%20with%20sum%20as%20total))")
                                .check(jsonPath("$.value[0].total").exists())))
                .orElse(exec(api.get("pm.panel.programremainingwork", "/api/data/v9.0/sensei_projects?$apply="
                        + "aggregate(sensei_effortremaining%20with%20sum%20as%20total)&$filter=sensei_projectid%20eq%20#{writableProject}")))
                .exec(session -> session.remove("program"));
    }

    private io.ppmlab.harness.sim.Call list(String name, String path) {
        return api.get(name, path).header("Prefer", "odata.maxpagesize=50").check(jsonPath("$.value[*]").count().lte(50));
    }
}
