package io.ppmlab.harness.sim.journeys;

import io.gatling.javaapi.core.ChainBuilder;
import io.ppmlab.harness.sim.Api;
import io.ppmlab.harness.sim.Fixtures;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.header;

/**
 * Project User: my projects and tasks, a task's progress updated, an issue created, an action item assigned to someone
 * outside the team (the product shares that one row with the assignee, checked through
 * {@code RetrieveSharedPrincipalsAndAccess}), and a write to a project outside its teams refused with 403.
 */
public record ProjectUser(Api api, Fixtures fixtures, Duration think) implements Journey {
    public static final String PERSONA = "project-user";

    @Override public String persona() { return PERSONA; }

    @Override public List<Map<String, Object>> users() { return Users.records(fixtures.personas().get(PERSONA)); }

    @Override public ChainBuilder signIn() { return api.signIn(fixtures.password()); }

    @Override public int requests() { return 7; }

    @Override
    public ChainBuilder iteration() {
        return exec(api.get("pu.projects.mine", "sensei_projects?$select=sensei_name,sensei_percentcomplete&$orderby=modifiedon%20desc")
                        .header("Prefer", "odata.maxpagesize=50")
                        .check(jsonPath("$.value[*]").count().gte(1)))
                .exec(api.get("pu.tasks.mine", "sensei_tasks?$select=sensei_name,sensei_percentcomplete,sensei_finish"
                                + "&$filter=_sensei_project_value%20eq%20#{writableProject}&$orderby=sensei_start")
                        .header("Prefer", "odata.maxpagesize=50"))
                .pause(think)
                .exec(api.patch("pu.task.progress", "sensei_tasks(#{writableTask})", "{\"sensei_percentcomplete\":50}", 204))
                .exec(api.post("pu.issue.create", "sensei_issues", "{\"sensei_name\":\"Supplier delay\",\"sensei_priority\":955000001,"
                        + "\"sensei_project@odata.bind\":\"/sensei_projects(#{writableProject})\"}", 204))
                .pause(think)
                .exec(api.post("pu.actionitem.assign", "sensei_actionitems", "{\"sensei_name\":\"Chase the supplier\","
                                + "\"sensei_project@odata.bind\":\"/sensei_projects(#{writableProject})\","
                                + "\"sensei_assignedto@odata.bind\":\"/systemusers(#{outsider})\"}", 204)
                        .check(header("OData-EntityId").transform(ProjectUser::idOf).saveAs("actionItem")))
                .exec(api.get("pu.actionitem.shares", "RetrieveSharedPrincipalsAndAccess(Target=@t)?@t="
                                + Api.enc("{'@odata.id':'sensei_actionitems(") + "#{actionItem}" + Api.enc(")'}"))
                        .check(jsonPath("$.PrincipalAccesses[*].Principal.ownerid").findAll().transformWithSession(
                                (ids, session) -> ids.contains(session.getString("outsider"))).is(true)))
                .exec(api.patch("pu.project.refused", "sensei_projects(#{unreadableProject})", "{\"sensei_description\":\"edited\"}", 403)
                        .check(jsonPath("$.error.code").exists()));
    }

    static String idOf(String entityId) {
        int open = entityId.lastIndexOf('(');
        return entityId.substring(open + 1, entityId.length() - 1);
    }
}
