package io.ppmlab.harness.sim.journeys;

import io.gatling.javaapi.core.ChainBuilder;
import io.ppmlab.harness.sim.Api;
import io.ppmlab.harness.sim.Fixtures;
import io.ppmlab.harness.sim.PlanBodies;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;

/**
 * Resource Manager: the heat map of 90 resources over 6 months (capacity and demand FetchXML aggregates), a 90-resource
 * plan loaded page by page (its row count checked), and, when {@code saves} is on, a 45 resource-year plan saved
 * (90 resources x 6 months, 16,290 daily rows, hours alternating so re-saves update every row) and a 45.1
 * resource-year save refused with 400, its project's demand counted before and after: nothing written.
 */
public record ResourceManager(Api api, Fixtures fixtures, Duration think, boolean saves) implements Journey {
    public static final String PERSONA = "resource-manager";

    @Override public String persona() { return PERSONA; }

    @Override public List<Map<String, Object>> users() { return Users.records(fixtures.personas().get(PERSONA)); }

    @Override public ChainBuilder signIn() { return api.signIn(fixtures.password()); }

    @Override public int requests() {
        return 2 + (int) Math.max(1, Math.ceil(fixtures.plan().loadRows() / 5000.0)) + (saves ? 4 : 0);
    }

    @Override
    public ChainBuilder iteration() {
        Fixtures.Plan plan = fixtures.plan();
        List<String> ninety = plan.resources().subList(0, 90);
        String capacity = PlanBodies.heatMap("sensei_resourcecapacity", "sensei_capacity", ninety, plan.heatMapStart(), plan.heatMapEnd());
        String demand = PlanBodies.heatMap("sensei_resourcedemand", "sensei_hours", ninety, plan.heatMapStart(), plan.heatMapEnd());
        ChainBuilder chain = exec(api.get("rm.heatmap.capacity", "sensei_resourcecapacities?fetchXml=" + Api.enc(capacity))
                        .check(jsonPath("$.value[*]").count().gte(90)))
                .exec(api.get("rm.heatmap.demand", "sensei_resourcedemands?fetchXml=" + Api.enc(demand)))
                .pause(think)
                .exec(session -> session.set("next", Api.ROOT + "sensei_resourcedemands?$select=_sensei_bookableresource_value,sensei_date,sensei_hours"
                        + "&$filter=_sensei_project_value%20eq%20" + plan.loadProject()).set("rows", 0L))
                .exec(asLongAs(session -> session.contains("next")).on(
                        exec(api.get("rm.plan.load", "#{next}")
                                .check(jsonPath("$.value[*]").count().saveAs("pageRows"))
                                .check(jsonPath("$['@odata.nextLink']").optional().saveAs("nextLink")))
                                .exec(session -> {
                                    var s = session.set("rows", session.getLong("rows") + session.getInt("pageRows")).remove("next");
                                    return session.contains("nextLink") ? s.set("next", session.getString("nextLink")).remove("nextLink") : s;
                                })))
                .exec(api.check("rm.plan.load.rows", session -> session.getLong("rows") == plan.loadRows(),
                        session -> "the 90-resource plan loaded " + session.getLong("rows") + " rows, the store holds " + plan.loadRows()));
        if (!saves) return chain;
        List<String[]> bodies = plan.saveProjects().stream()
                .map(p -> new String[] {PlanBodies.daily(p, ninety, plan.saveYear(), 6, 7), PlanBodies.daily(p, ninety, plan.saveYear(), 6, 8)}).toList();
        String refused = PlanBodies.fortyFivePointOne(plan.refusedProject(), plan.resources().subList(0, 91), plan.saveYear());
        String countRefused = "sensei_resourcedemands/$count?$filter=_sensei_project_value%20eq%20" + plan.refusedProject();
        return chain.pause(think)
                .exec(session -> {
                    int n = session.contains("saveCount") ? session.getInt("saveCount") : 0;
                    int projects = bodies.size();
                    return session.set("saveCount", n + 1).set("saveBody", bodies.get(n % projects)[(n / projects) % 2]);
                })
                .exec(api.post("rm.plan.save45", "sensei_SaveResourcePlan", "#{saveBody}", 200)
                        .check(jsonPath("$.ResourceYears").ofDouble().is(45.0))
                        .check(jsonPath("$.Rows").ofInt().is(16_290)))
                .exec(api.get("rm.plan.count.before", countRefused).check(bodyString().saveAs("before")))
                .exec(api.post("rm.plan.save45_1", "sensei_SaveResourcePlan", refused, 400)
                        .check(jsonPath("$.error.code").is("0x80040265")))
                .exec(api.get("rm.plan.count.after", countRefused).check(bodyString().isEL("#{before}")));
    }
}
