package io.ppmlab.datasets;

import io.ppmlab.schema.Column;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.RowValidator;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import io.ppmlab.schema.Table;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.ppmlab.datasets.DemoOrganisation.*;
import static org.assertj.core.api.Assertions.assertThat;

class DemoOrganisationTest {
    static final Schema SCHEMA = SchemaLoader.loadDefault();
    static final Organisation ORG = DemoOrganisation.build(SCHEMA);

    @Test
    void counts() {
        assertThat(ORG.rows("businessunit")).hasSize(3);
        assertThat(ORG.rows("systemuser")).hasSize(USERS.size() + 1);
        assertThat(ORG.rows("team")).hasSize(3 + 4 + 6 + 6);
        assertThat(ORG.rows("role")).hasSize(ShippedRoles.ALL.size() * 3);
        assertThat(ShippedRoles.ALL).hasSize(15).doesNotHaveDuplicates();
        assertThat(ORG.rows("sensei_portfolio")).hasSize(4);
        assertThat(ORG.rows("sensei_program")).hasSize(6);
        assertThat(ORG.rows("sensei_project")).hasSize(6);
        assertThat(ORG.rows("organization")).hasSize(1);
        assertThat(ORG.rows("bookableresource")).isNotEmpty();
        assertThat(ORG.rows("sensei_enterprisecalendar")).hasSize(1);
    }

    @Test
    void namesAreTheContract() {
        assertThat(names("businessunit", "name")).containsExactlyInAnyOrder("Contoso", "IT", "HR");
        assertThat(names("sensei_portfolio", "sensei_name")).containsExactly("IT Portfolio 1", "IT Portfolio 2", "HR Portfolio 1", "HR Portfolio 2");
        assertThat(names("sensei_program", "sensei_name")).containsExactlyInAnyOrder(
                "IT Program 1", "IT Program 2", "IT Program 3", "HR Program 1", "HR Program 2", "HR Program 3");
        assertThat(names("sensei_project", "sensei_name")).containsExactlyInAnyOrder(
                "IT Project 1", "IT Project 2", "IT Project 3", "HR Project 1", "HR Project 2", "HR Project 3");
        assertThat(names("systemuser", "domainname")).contains("blue@contoso.test", "green@contoso.test", "purple@contoso.test",
                "yellow@contoso.test", "red@contoso.test", "admin@contoso.test", "pmo@contoso.test", "resourcemanager@contoso.test");
        Row root = ORG.row("businessunit", businessUnitId("Contoso")).orElseThrow();
        assertThat(root.get("parentbusinessunitid")).isNull();
        for (String bu : List.of("IT", "HR")) {
            assertThat(ORG.row("businessunit", businessUnitId(bu)).orElseThrow().get("parentbusinessunitid"))
                    .isEqualTo(new EntityRef("businessunit", businessUnitId("Contoso")));
        }
    }

    @Test
    void exampleUsersAreInTheirBusinessUnitsAsPortfolioManagers() {
        Map<String, String> expectedBu = Map.of("blue", "IT", "green", "IT", "purple", "IT", "yellow", "HR", "red", "HR");
        expectedBu.forEach((u, bu) -> {
            Row user = ORG.row("systemuser", userId(u)).orElseThrow();
            assertThat(user.ref("businessunitid").id()).as(u).isEqualTo(businessUnitId(bu));
            assertThat(rolesOf(u)).as(u).containsExactly(bu + "/" + ShippedRoles.PORTFOLIO_MANAGER);
        });
    }

    @Test
    void membershipsAreExactlyTheDocumentedTable() {
        Map<String, Set<String>> expected = Map.of(
                "blue@contoso.test", Set.of(),
                "green@contoso.test", Set.of("IT Portfolio 2", "IT Program 3"),
                "purple@contoso.test", Set.of("IT Portfolio 2", "IT Program 1", "IT Program 2", "HR Portfolio 2"),
                "yellow@contoso.test", Set.of("HR Portfolio 2", "HR Program 2", "HR Project 2"),
                "red@contoso.test", Set.of("HR Portfolio 1", "HR Program 1", "HR Program 3", "HR Project 1", "IT Project 2"));
        Map<UUID, Row> teams = byId("team");
        Map<String, Set<String>> actual = new HashMap<>();
        for (Row m : ORG.rows("teammembership")) {
            Row team = teams.get(m.ref("teamid").id());
            if (Boolean.TRUE.equals(team.get("isdefault"))) continue;
            String upn = (String) ORG.row("systemuser", m.ref("systemuserid").id()).orElseThrow().get("domainname");
            actual.computeIfAbsent(upn, k -> new TreeSet<>()).add((String) team.get("name"));
        }
        expected.forEach((upn, groups) -> assertThat(actual.getOrDefault(upn, Set.of())).as(upn).isEqualTo(groups));
        assertThat(actual.keySet()).isSubsetOf(expected.keySet());
    }

    @Test
    void everyUserIsInTheDefaultTeamOfTheirBusinessUnit() {
        for (Row user : ORG.rows("systemuser")) {
            UUID bu = user.ref("businessunitid").id();
            Row defaultTeam = ORG.rows("team").stream()
                    .filter(t -> Boolean.TRUE.equals(t.get("isdefault")) && t.ref("businessunitid").id().equals(bu)).findFirst().orElseThrow();
            assertThat(ORG.rows("teammembership")).as((String) user.get("domainname"))
                    .anyMatch(m -> m.ref("systemuserid").id().equals(user.id()) && m.ref("teamid").id().equals(defaultTeam.id()));
        }
    }

    @Test
    void headlinesAreOwnedByTheirGroupTeamInTheirBusinessUnit() {
        for (String table : List.of("sensei_portfolio", "sensei_program", "sensei_project")) {
            for (Row r : ORG.rows(table)) {
                String name = (String) r.get("sensei_name");
                Row team = ORG.row("team", r.ref("ownerid").id()).orElseThrow();
                assertThat(r.ref("ownerid").table()).isEqualTo("team");
                assertThat(team.get("name")).isEqualTo(name);
                assertThat(team.get("teamtype")).isEqualTo(3);
                assertThat(r.get("owningteam")).isEqualTo(r.get("ownerid"));
                assertThat(r.get("owninguser")).isNull();
                assertThat(r.get("owningbusinessunit")).isEqualTo(team.get("businessunitid"));
                assertThat(team.ref("businessunitid").id()).isEqualTo(businessUnitId(name.substring(0, 2)));
            }
        }
    }

    @Test
    void hierarchyFollowsTheDeclaredMaps() {
        PROGRAM_PORTFOLIO.forEach((program, portfolio) -> assertThat(headline("sensei_program", program).ref("sensei_portfolio").id())
                .isEqualTo(recordId("sensei_portfolio", portfolio)));
        PROJECT_PROGRAM.forEach((project, program) -> {
            Row p = headline("sensei_project", project);
            assertThat(p.ref("sensei_program").id()).isEqualTo(recordId("sensei_program", program));
            assertThat(p.ref("sensei_portfolio").id()).isEqualTo(recordId("sensei_portfolio", PROGRAM_PORTFOLIO.get(program)));
        });
        // Program effort remaining is the sum over its projects: what the documented $apply query returns.
        for (Row program : ORG.rows("sensei_program")) {
            BigDecimal sum = ORG.rows("sensei_project").stream().filter(p -> p.ref("sensei_program").id().equals(program.id()))
                    .map(p -> (BigDecimal) p.get("sensei_effortremaining")).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat((BigDecimal) program.get("sensei_effortremaining")).isEqualByComparingTo(sum);
        }
    }

    @Test
    void projectRegistersAreOwnedLikeTheirProject() {
        for (Row project : ORG.rows("sensei_project")) {
            assertThat(children("sensei_risk", "sensei_project", project.id())).hasSizeGreaterThanOrEqualTo(2);
            assertThat(children("sensei_issue", "sensei_project", project.id())).hasSizeGreaterThanOrEqualTo(2);
            assertThat(children("sensei_statusupdate", "sensei_projectlink", project.id())).hasSizeGreaterThanOrEqualTo(2);
            assertThat(children("sensei_task", "sensei_project", project.id())).isNotEmpty();
            List<Row> crs = children("sensei_changerequest", "sensei_project", project.id());
            assertThat(crs).anyMatch(cr -> Integer.valueOf(955000002).equals(cr.get("statuscode")) && cr.get("sensei_costestimate") != null);
        }
        for (Table t : SCHEMA.tables()) {
            if (t.column("sensei_project").isEmpty() || !t.userOwned() || t.logicalName().equals("sensei_project")) continue;
            for (Row r : ORG.rows(t.logicalName())) {
                if (r.get("sensei_project") == null || t.logicalName().equals("sensei_timesheetentry")) continue;
                Row project = ORG.row("sensei_project", r.ref("sensei_project").id()).orElseThrow();
                assertThat(r.get("ownerid")).as(r.get("sensei_name") + " owner").isEqualTo(project.get("ownerid"));
                assertThat(r.get("owningbusinessunit")).isEqualTo(project.get("owningbusinessunit"));
            }
        }
    }

    @Test
    void assignedToOutsideTheTeamGetsAShareOfThatRowOnly() {
        UUID risk = recordId("sensei_risk", "HR Project 2 - Risk 2");
        assertThat(ORG.rows("principalobjectaccess")).singleElement().satisfies(poa -> {
            assertThat(poa.get("objectid")).isEqualTo(risk);
            assertThat(poa.get("objecttypecode")).isEqualTo("sensei_risk");
            assertThat(poa.get("principalid")).isEqualTo(userId("red"));
            assertThat(poa.get("principaltypecode")).isEqualTo("systemuser");
            assertThat(poa.get("accessrightsmask")).isEqualTo(ASSIGNED_TO_SHARE_MASK);
        });
    }

    @Test
    void everyShippedRoleHasAUserAndEveryRoleHasACopyPerBusinessUnit() {
        Set<String> granted = ORG.rows("systemuserroles").stream()
                .map(ur -> (String) ORG.row("role", ur.ref("roleid").id()).orElseThrow().get("name")).collect(Collectors.toSet());
        assertThat(granted).containsAll(ShippedRoles.ALL);
        for (String role : ShippedRoles.ALL) {
            for (String bu : BUSINESS_UNITS) {
                Row r = ORG.row("role", roleId(bu, role)).orElseThrow();
                assertThat(r.ref("parentrootroleid").id()).isEqualTo(roleId(ROOT_BU, role));
            }
        }
        // A user's roles come from their own BU's copy.
        for (Row ur : ORG.rows("systemuserroles")) {
            Row user = ORG.row("systemuser", ur.ref("systemuserid").id()).orElseThrow();
            Row role = ORG.row("role", ur.ref("roleid").id()).orElseThrow();
            assertThat(role.get("businessunitid")).isEqualTo(user.get("businessunitid"));
        }
    }

    @Test
    void passwordsAndAppRegistration() {
        assertThat(ORG.passwords()).hasSize(USERS.size()).containsEntry("blue@contoso.test", "demo").containsEntry("admin@contoso.test", "demo");
        assertThat(ORG.passwords().values()).containsOnly("demo");
        AppRegistration app = ORG.appRegistrations().get(0);
        assertThat(ORG.appRegistrations()).hasSize(1);
        Row appUser = ORG.row("systemuser", app.systemUserId()).orElseThrow();
        assertThat(appUser.get("applicationid")).isEqualTo(app.clientId());
        assertThat(ORG.passwords()).doesNotContainKey((String) appUser.get("domainname"));
    }

    @Test
    void everyRowIsValidAgainstTheSchema() {
        RowValidator validator = new RowValidator(SCHEMA);
        List<String> problems = ORG.rows().stream().flatMap(r -> validator.problems(r).stream()).toList();
        assertThat(problems).isEmpty();
        assertThat(validator.referenceProblems(ORG.rows())).isEmpty();
    }

    @Test
    void systemColumnsAreFilled() {
        for (Row r : ORG.rows()) {
            Table t = SCHEMA.table(r.table()).orElseThrow();
            assertThat(r.values()).as(r.table()).containsKeys("createdon", "modifiedon", "createdby", "modifiedby", "versionnumber", "statecode", "statuscode");
            assertThat(r.get("createdby")).isEqualTo(new EntityRef("systemuser", userId("admin")));
            if (t.userOwned()) {
                EntityRef owner = r.ref("ownerid");
                assertThat(owner).as(r.table() + " owner").isNotNull();
                assertThat(r.get(owner.table().equals("team") ? "owningteam" : "owninguser")).isEqualTo(owner);
                assertThat(r.get(owner.table().equals("team") ? "owninguser" : "owningteam")).isNull();
                Row ownerRow = ORG.row(owner.table(), owner.id()).orElseThrow();
                assertThat(r.get("owningbusinessunit")).isEqualTo(ownerRow.get("businessunitid"));
            } else {
                assertThat(r.values()).doesNotContainKeys("ownerid", "owningbusinessunit");
            }
        }
    }

    @Test
    void idsAreUniqueAndComputable() {
        Set<UUID> ids = new HashSet<>();
        ORG.rows().forEach(r -> assertThat(ids.add(r.id())).as(r.table() + " " + r.id()).isTrue());
        assertThat(ORG.row("systemuser", userId("red@contoso.test")).orElseThrow().get("domainname")).isEqualTo("red@contoso.test");
        assertThat(ORG.row("team", teamId("IT Project 2"))).isPresent();
        assertThat(ORG.row("sensei_risk", recordId("sensei_risk", "IT Project 1 - Risk 1"))).isPresent();
        assertThat(Ids.of("systemuser", "red@contoso.test").version()).isEqualTo(3);
    }

    @Test
    void lookupsPointBackwardsInLoadOrder() {
        Set<EntityRef> seen = new HashSet<>();
        for (Row r : ORG.rows()) {
            seen.add(new EntityRef(r.table(), r.id()));
            Map<String, Column> cols = SCHEMA.table(r.table()).orElseThrow().columnsByName();
            r.values().forEach((name, value) -> {
                if (value instanceof EntityRef ref && !cols.get(name).system()) {
                    assertThat(seen).as(r.table() + "." + name).contains(ref);
                }
            });
        }
    }

    @Test
    void capacityFollowsCalendarAndExceptions() {
        UUID green = DemoResources.resource("Green User").id();
        Map<LocalDate, BigDecimal> hours = new HashMap<>();
        ORG.rows("sensei_resourcecapacity").stream().filter(r -> r.ref("sensei_bookableresource").id().equals(green))
                .forEach(r -> hours.put((LocalDate) r.get("sensei_date"), (BigDecimal) r.get("sensei_capacity")));
        assertThat(hours).hasSize(31);
        assertThat(hours.get(LocalDate.of(2025, 1, 1))).isZero();   // New Year's Day
        assertThat(hours.get(LocalDate.of(2025, 1, 6))).isEqualByComparingTo("8");
        assertThat(hours.get(LocalDate.of(2025, 1, 11))).isZero();  // Saturday
        assertThat(hours.get(LocalDate.of(2025, 1, 22))).isZero();  // vacation
    }

    @Test
    void buildsAreDeterministic() {
        assertThat(DemoOrganisation.build(SCHEMA)).isEqualTo(ORG);
        assertThat(DemoOrganisation.build()).isEqualTo(ORG);
    }

    private static Row headline(String table, String name) { return ORG.row(table, recordId(table, name)).orElseThrow(); }

    private static List<Row> children(String table, String lookup, UUID parent) {
        return ORG.rows(table).stream().filter(r -> r.get(lookup) != null && r.ref(lookup).id().equals(parent)).toList();
    }

    private static Map<UUID, Row> byId(String table) {
        return ORG.rows(table).stream().collect(Collectors.toMap(Row::id, r -> r));
    }

    private static List<String> names(String table, String column) {
        return ORG.rows(table).stream().map(r -> (String) r.get(column)).toList();
    }

    private static List<String> rolesOf(String user) {
        Map<UUID, Row> roles = byId("role");
        Map<UUID, Row> bus = byId("businessunit");
        return ORG.rows("systemuserroles").stream().filter(ur -> ur.ref("systemuserid").id().equals(userId(user)))
                .map(ur -> roles.get(ur.ref("roleid").id()))
                .map(role -> bus.get(role.ref("businessunitid").id()).get("name") + "/" + role.get("name")).toList();
    }
}
