package io.ppmlab.emulator.security;

import io.ppmlab.roles.Privilege;
import io.ppmlab.roles.RoleCatalog;
import io.ppmlab.roles.RoleDefinition;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation's IT/HR example: five Portfolio Managers, every portfolio, program and project
 * owned by an M365-group team of the same name in its own unit, and each user's group memberships.
 * Each user's readable and writable records must be exactly the per-user lists of the example.
 */
class WorkedExampleTest {
    private final TestOrg org = new TestOrg();
    private final UUID itUnit = org.unit(org.root);
    private final UUID hrUnit = org.unit(org.root);
    private final Map<String, RowSecurity> records = new LinkedHashMap<>();
    private final Map<String, RowSecurity> risks = new LinkedHashMap<>();
    private final Map<String, Principal.Team> groups = new LinkedHashMap<>();
    private final Map<String, Principal.User> users = new LinkedHashMap<>();

    WorkedExampleTest() {
        for (String bu : List.of("IT", "HR")) {
            UUID unit = bu.equals("IT") ? itUnit : hrUnit;
            add(bu + " Portfolio", 2, "sensei_portfolio", unit);
            add(bu + " Program", 3, "sensei_program", unit);
            add(bu + " Project", 3, "sensei_project", unit);
        }
        RoleDefinition portfolioManager = RoleCatalog.loadDefault().get("Portfolio Manager");
        Map<String, List<String>> memberships = Map.of(
                "Blue", List.of(),
                "Green", List.of("IT Portfolio 2", "IT Program 3"),
                "Purple", List.of("IT Portfolio 2", "IT Program 1", "IT Program 2", "HR Portfolio 2"),
                "Yellow", List.of("HR Portfolio 2", "HR Program 2", "HR Project 2"),
                "Red", List.of("HR Portfolio 1", "HR Program 1", "HR Program 3", "HR Project 1", "IT Project 2"));
        for (String name : List.of("Blue", "Green", "Purple", "Yellow", "Red")) {
            Principal.User user = org.user(Set.of("Yellow", "Red").contains(name) ? hrUnit : itUnit);
            users.put(name, user);
            org.assign(user, portfolioManager);
            memberships.get(name).forEach(g -> org.memberships.add(new Membership(groups.get(g).id(), user.id())));
        }
    }

    private void add(String prefix, int count, String table, UUID unit) {
        for (int i = 1; i <= count; i++) {
            String name = prefix + " " + i;
            Principal.Team group = org.team(unit, TeamType.AAD_OFFICE);
            groups.put(name, group);
            RowSecurity record = TestOrg.row(table, group.ref(), unit);
            records.put(name, record);
            // The product copies the headline owner onto its registers.
            risks.put(name, TestOrg.row("sensei_risk", group.ref(), unit, record.ref()));
        }
    }

    private Set<String> allowed(String user, Map<String, RowSecurity> rows, Privilege p) {
        CallerReach reach = CallerReach.of(org.model(), users.get(user).id());
        Set<String> out = new TreeSet<>();
        rows.forEach((name, row) -> { if (AccessEvaluator.check(reach, row, p).allowed()) out.add(name); });
        return out;
    }

    private static Set<String> set(String... names) { return new TreeSet<>(List.of(names)); }

    private static final String[] IT_PROGRAMS_AND_PROJECTS = {"IT Program 1", "IT Program 2", "IT Program 3", "IT Project 1", "IT Project 2", "IT Project 3"};
    private static final String[] HR_PROGRAMS_AND_PROJECTS = {"HR Program 1", "HR Program 2", "HR Program 3", "HR Project 1", "HR Project 2", "HR Project 3"};

    private static Set<String> plus(String[] base, String... more) {
        Set<String> out = set(base);
        out.addAll(List.of(more));
        return out;
    }

    @Test
    void blueReadsTheItProgramsAndProjectsAndWritesNothing() {
        assertThat(allowed("Blue", records, Privilege.READ)).isEqualTo(set(IT_PROGRAMS_AND_PROJECTS));
        assertThat(allowed("Blue", records, Privilege.WRITE)).isEmpty();
    }

    @Test
    void greenWritesItPortfolio2AndItProgram3() {
        assertThat(allowed("Green", records, Privilege.READ)).isEqualTo(plus(IT_PROGRAMS_AND_PROJECTS, "IT Portfolio 2"));
        assertThat(allowed("Green", records, Privilege.WRITE)).isEqualTo(set("IT Portfolio 2", "IT Program 3"));
    }

    @Test
    void purpleReachesHrPortfolio2AndNothingElseOfHr() {
        assertThat(allowed("Purple", records, Privilege.READ)).isEqualTo(plus(IT_PROGRAMS_AND_PROJECTS, "IT Portfolio 2", "HR Portfolio 2"));
        assertThat(allowed("Purple", records, Privilege.WRITE))
                .isEqualTo(set("IT Portfolio 2", "IT Program 1", "IT Program 2", "HR Portfolio 2"));
    }

    @Test
    void yellowWritesItsThreeHrGroups() {
        assertThat(allowed("Yellow", records, Privilege.READ)).isEqualTo(plus(HR_PROGRAMS_AND_PROJECTS, "HR Portfolio 2"));
        assertThat(allowed("Yellow", records, Privilege.WRITE)).isEqualTo(set("HR Portfolio 2", "HR Program 2", "HR Project 2"));
    }

    @Test
    void redReachesItProject2ThroughItsGroup() {
        assertThat(allowed("Red", records, Privilege.READ)).isEqualTo(plus(HR_PROGRAMS_AND_PROJECTS, "HR Portfolio 1", "IT Project 2"));
        assertThat(allowed("Red", records, Privilege.WRITE))
                .isEqualTo(set("HR Portfolio 1", "HR Program 1", "HR Program 3", "HR Project 1", "IT Project 2"));
    }

    @Test
    void membersWriteTheArtefactsOfTheirGroupsRecords() {
        assertThat(allowed("Red", risks, Privilege.WRITE))
                .isEqualTo(set("HR Portfolio 1", "HR Program 1", "HR Program 3", "HR Project 1", "IT Project 2"));
        assertThat(allowed("Red", risks, Privilege.READ)).contains("IT Project 2").doesNotContain("IT Project 1");
        assertThat(allowed("Blue", risks, Privilege.WRITE)).isEmpty();
    }

    @Test
    void theFastEvaluatorAgreesWithTheReferenceHere() {
        SecurityModel model = org.model();
        for (Principal.User user : users.values()) {
            CallerReach reach = CallerReach.of(model, user.id());
            for (RowSecurity row : records.values()) {
                for (Privilege p : Privilege.values()) {
                    assertThat(AccessEvaluator.check(reach, row, p)).isEqualTo(ReferenceEvaluator.check(model, user.id(), row, p));
                }
            }
        }
    }
}
