package io.ppmlab.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.harness.sim.Fixtures;
import io.ppmlab.harness.sim.Fixtures.PersonaUser;
import io.ppmlab.harness.sim.journeys.PmoExecutive;
import io.ppmlab.harness.sim.journeys.PortfolioManager;
import io.ppmlab.harness.sim.journeys.ProjectUser;
import io.ppmlab.harness.sim.journeys.ResourceManager;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Builds the journeys' {@link Fixtures} from the organisation: users of each persona from {@code personas.json} (real
 * generated users, with rows the reference evaluator says they may write or may not read), the resource manager's plan
 * figures and the admin's targets from a few queries, and a user who administers exactly 250 group teams (created here
 * in one {@code CreateMultiple}, so the Admin journey's 251st is the one refused).
 */
public final class Preparation {
    static final String PM_ROLE = "Sensei IQ - Portfolio Manager";
    static final String PU_ROLE = "Sensei IQ Project User";
    static final String PMO_ROLE = "Sensei IQ - PMO User";
    static final String RM_ROLE = "Sensei IQ - Resource Manager";
    static final int GROUP_LIMIT = 250;

    private final WebClient web;
    private final Path dataDir;
    private final JsonNode personas;

    public Preparation(WebClient web, Path dataDir) throws IOException {
        this.web = web;
        this.dataDir = dataDir;
        this.personas = new ObjectMapper().readTree(dataDir.resolve("personas.json").toFile());
    }

    /** What the preparation made, for the limits' verdicts as well as the journeys. */
    public record Prepared(Fixtures fixtures, int groupsCreated, int groupsBefore) {}

    /** @param asOf the organisation's "today" (its manifest's {@code settings.asOf}), where its largest plans start */
    public Prepared prepare(long projects, int batchOperations, String asOf) throws IOException {
        String password = personas.path("password").asText("demo");
        String admin = web.password("admin@contoso.test", password);
        String adminId = userId("admin@contoso.test");

        Map<String, List<PersonaUser>> users = new LinkedHashMap<>();
        users.put(PortfolioManager.PERSONA, pick(PM_ROLE, u -> has(u, "canWrite", "sensei_project") && has(u, "canWrite", "sensei_risk")
                && has(u, "cannotRead", "sensei_project"), adminId));
        users.put(ProjectUser.PERSONA, pick(PU_ROLE, u -> has(u, "canWrite", "sensei_project") && has(u, "canWrite", "sensei_task")
                && has(u, "cannotRead", "sensei_project"), adminId));
        users.put(PmoExecutive.PERSONA, pick(PMO_ROLE, u -> true, adminId));
        users.put(ResourceManager.PERSONA, pick(RM_ROLE, u -> true, adminId));

        PersonaUser rm = users.get(ResourceManager.PERSONA).get(0);
        String rmToken = web.password(rm.upn(), password);
        List<String> resources = ids(web.get(rmToken, "bookableresources?$select=bookableresourceid&$orderby=name&$top=91")
                .expect(200, "resources the resource manager reads").json(), "bookableresourceid");
        if (resources.size() < 91) throw new IllegalStateException("the organisation has " + resources.size()
                + " resources the resource manager reads; the plan journeys need 91");
        // The organisation's largest plan: most demand rows in its first planned week. One week, because Dataverse refuses an
        // aggregate over more than 50,000 rows (0x8004E023) and the whole demand table of the limits profile is far larger.
        JsonNode byProject = web.get(admin, "sensei_resourcedemands?fetchXml=" + WebClient.enc(demandPerProject(
                "<condition attribute=\"sensei_date\" operator=\"on-or-after\" value=\"" + asOf + "\"/>"
                        + "<condition attribute=\"sensei_date\" operator=\"on-or-before\" value=\"" + java.time.LocalDate.parse(asOf).plusDays(6) + "\"/>")))
                .expect(200, "demand per project in one week").json();
        String loadProject = null;
        long weekRows = -1;
        for (JsonNode row : byProject.path("value")) {
            if (row.path("project").isNull() || row.path("project").asText().isEmpty()) continue;
            if (row.path("rows").asLong() > weekRows) {
                weekRows = row.path("rows").asLong();
                loadProject = row.path("project").asText();
            }
        }
        if (loadProject == null) throw new IllegalStateException("the organisation has no resource plan to load");
        long loadRows = web.get(admin, "sensei_resourcedemands?fetchXml=" + WebClient.enc(demandPerProject(
                "<condition attribute=\"sensei_project\" operator=\"eq\" value=\"" + loadProject + "\"/>")))
                .expect(200, "rows of the largest plan").json().path("value").path(0).path("rows").asLong();
        List<String> projectIds = new ArrayList<>(ids(web.get(rmToken, "sensei_projects?$select=sensei_projectid&$orderby=sensei_name&$top=10")
                .expect(200, "projects the resource manager reads").json(), "sensei_projectid"));
        projectIds.remove(loadProject);
        if (projectIds.size() < 5) throw new IllegalStateException("the resource manager reads fewer than 5 projects");
        Fixtures.Plan plan = new Fixtures.Plan(loadProject, loadRows, resources, projectIds.get(2), projectIds.subList(0, 2),
                "2025-01-01", "2025-06-30", 2027);

        JsonNode credentials = new ObjectMapper().readTree(dataDir.resolve("identity/credentials.json").toFile());
        Fixtures.Integration integration = new Fixtures.Integration(credentials.path("apps").path(0).path("clientId").asText(),
                DemoOrganisation.APP_SECRET, projectIds.get(3), batchOperations);

        Fixtures.Admin adminTargets = adminTargets(admin, projectIds.get(4), users.get(PmoExecutive.PERSONA).get(0).upn());
        String rootBu = web.get(admin, "businessunits?$select=businessunitid&$filter=_parentbusinessunitid_value%20eq%20null")
                .expect(200, "root business unit").json().path("value").path(0).path("businessunitid").asText();
        String administrator = users.get(PmoExecutive.PERSONA).get(0).userId();
        int before = groupsAdministeredBy(admin, administrator);
        int created = createGroups(admin, administrator, rootBu, GROUP_LIMIT - before);
        Fixtures fixtures = new Fixtures(password, projects, users, plan, new Fixtures.GroupLimit(administrator, rootBu), integration, adminTargets);
        return new Prepared(fixtures, created, before);
    }

    /** Microsoft 365 group teams (types 2 and 3) the user administers. */
    int groupsAdministeredBy(String token, String userId) {
        JsonNode r = web.get(token, "teams?$select=teamid&$count=true&$filter=_administratorid_value%20eq%20" + userId
                + "%20and%20(teamtype%20eq%202%20or%20teamtype%20eq%203)").expect(200, "groups of a user").json();
        return r.path("@odata.count").asInt(r.path("value").size());
    }

    private int createGroups(String token, String administrator, String bu, int count) {
        if (count <= 0) return 0;
        StringBuilder body = new StringBuilder("{\"Targets\":[");
        for (int i = 0; i < count; i++) {
            if (i > 0) body.append(',');
            body.append("{\"@odata.type\":\"Microsoft.Dynamics.CRM.team\",\"name\":\"Limit group ").append(i + 1)
                    .append("\",\"teamtype\":3,\"businessunitid@odata.bind\":\"/businessunits(").append(bu)
                    .append(")\",\"administratorid@odata.bind\":\"/systemusers(").append(administrator).append(")\"}");
        }
        web.post(token, "teams/Microsoft.Dynamics.CRM.CreateMultiple", body.append("]}").toString()).expect(200, "250 group teams");
        return count;
    }

    private Fixtures.Admin adminTargets(String token, String project, String memberUpn) {
        JsonNode projects = web.get(token, "sensei_projects?$select=_owningteam_value,_owningbusinessunit_value&$filter=_owningteam_value%20ne%20null&$top=500")
                .expect(200, "projects and their teams").json().path("value");
        Map<String, String> teamOfBu = new LinkedHashMap<>();
        String chosen = null;
        String teamA = null;
        String teamB = null;
        for (JsonNode p : projects) {
            String bu = p.path("_owningbusinessunit_value").asText();
            String team = p.path("_owningteam_value").asText();
            String other = teamOfBu.putIfAbsent(bu, team);
            if (other != null && !other.equals(team)) {
                chosen = p.path("sensei_projectid").asText();
                teamA = team;
                teamB = other;
                break;
            }
        }
        if (chosen == null) throw new IllegalStateException("no two projects of one business unit owned by different teams to reassign between");
        String group = web.get(token, "teams?$select=teamid&$filter=teamtype%20eq%203&$top=1").expect(200, "a group team").json()
                .path("value").path(0).path("teamid").asText();
        return new Fixtures.Admin("admin@contoso.test", chosen, teamA, teamB, group, memberUpn);
    }

    /** Demand rows per project, under {@code conditions}. */
    private static String demandPerProject(String conditions) {
        return "<fetch aggregate=\"true\"><entity name=\"sensei_resourcedemand\">"
                + "<attribute name=\"sensei_project\" groupby=\"true\" alias=\"project\"/>"
                + "<attribute name=\"sensei_resourcedemandid\" aggregate=\"count\" alias=\"rows\"/>"
                + "<filter type=\"and\">" + conditions + "</filter></entity></fetch>";
    }

    private List<PersonaUser> pick(String role, Predicate<JsonNode> needs, String outsider) {
        List<PersonaUser> out = new ArrayList<>();
        for (JsonNode u : personas.path("personas")) {
            boolean hasRole = false;
            for (JsonNode r : u.path("roles")) hasRole |= r.asText().equals(role);
            if (!hasRole || !needs.test(u)) continue;
            out.add(new PersonaUser(u.path("upn").asText(), u.path("userId").asText(), first(u, "canWrite", "sensei_project").orElse(null),
                    readOnly(u).orElse(null), first(u, "cannotRead", "sensei_project").orElse(null), first(u, "canWrite", "sensei_risk").orElse(null),
                    first(u, "canWrite", "sensei_task").orElse(null), outsider));
        }
        if (out.isEmpty()) throw new IllegalStateException("personas.json has no user with role '" + role + "' and the rows its journey needs; "
                + "generate with more --personas-per-role");
        return out;
    }

    private String userId(String upn) {
        for (JsonNode u : personas.path("personas")) if (u.path("upn").asText().equals(upn)) return u.path("userId").asText();
        throw new IllegalStateException("personas.json has no " + upn);
    }

    private static boolean has(JsonNode u, String list, String table) {
        return first(u, list, table).isPresent();
    }

    private static Optional<String> first(JsonNode u, String list, String table) {
        for (JsonNode r : u.path(list)) if (r.path("table").asText().equals(table)) return Optional.of(r.path("id").asText());
        return Optional.empty();
    }

    private static Optional<String> readOnly(JsonNode u) {
        List<String> writable = new ArrayList<>();
        for (JsonNode r : u.path("canWrite")) writable.add(r.path("id").asText());
        for (JsonNode r : u.path("canRead")) {
            if (r.path("table").asText().equals("sensei_project") && !writable.contains(r.path("id").asText())) return Optional.of(r.path("id").asText());
        }
        return Optional.empty();
    }

    private static List<String> ids(JsonNode reply, String column) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = reply.path("value").elements(); it.hasNext(); ) out.add(it.next().path(column).asText());
        return out;
    }

}
