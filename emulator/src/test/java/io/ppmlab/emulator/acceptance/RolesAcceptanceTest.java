package io.ppmlab.emulator.acceptance;

import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.datasets.DemoOrganisation.DemoUser;
import io.ppmlab.datasets.ShippedRoles;
import io.ppmlab.roles.Depth;
import io.ppmlab.roles.Privilege;
import io.ppmlab.roles.RoleCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.ppmlab.datasets.DemoOrganisation.recordId;
import static io.ppmlab.datasets.DemoOrganisation.userId;
import static io.ppmlab.roles.Depth.BUSINESS_UNIT;
import static io.ppmlab.roles.Depth.NONE;
import static io.ppmlab.roles.Depth.ORGANIZATION;
import static io.ppmlab.roles.Depth.USER;
import static io.ppmlab.roles.Privilege.ASSIGN;
import static io.ppmlab.roles.Privilege.CREATE;
import static io.ppmlab.roles.Privilege.DELETE;
import static io.ppmlab.roles.Privilege.READ;
import static io.ppmlab.roles.Privilege.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each of the product's 15 roles, signed in as the demo user who holds it: one operation its depth allows and
 * one it refuses. Each operation names the grant it exercises (table, privilege, depth), checked against the
 * role's JSON, so a change to a role file that would make a case meaningless fails here first.
 */
class RolesAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static final RoleCatalog ROLES = RoleCatalog.loadDefault();
    /** A timesheet of the root business unit, owned by the PMO user, created before the cases run. */
    static final UUID ROOT_TIMESHEET = UUID.fromString("7135e5ee-0000-4000-8000-000000000001");
    static final String FORBIDDEN = "0x80040220";
    static final String OUT_OF_REACH = "0x80048306";

    /** One HTTP call and what it must answer; {@code table/privilege/depth} is the role grant it exercises. */
    record Op(String what, String method, String path, String body, int status, String code,
              String table, Privilege privilege, Depth depth) {
        static Op get(String set, String table, String name, int status, String code, Privilege p, Depth d) {
            return new Op("read " + name, "GET", set + "(" + recordId(table, name) + ")", null, status, code, table, p, d);
        }

        static Op patch(String set, String table, String name, int status, String code, Privilege p, Depth d) {
            String column = table.equals("bookableresource") ? "name" : "sensei_name";
            return new Op("update " + name, "PATCH", set + "(" + recordId(table, name) + ")", "{\"" + column + "\":\"" + name + "\"}",
                    status, code, table, p, d);
        }

        static Op delete(String set, String table, String name, int status, String code, Privilege p, Depth d) {
            return new Op("delete " + name, "DELETE", set + "(" + recordId(table, name) + ")", null, status, code, table, p, d);
        }
    }

    record Case(String role, Op allowed, Op refused) {}

    static final List<Case> CASES = List.of(
            new Case(ShippedRoles.PROJECT_USER,
                    new Op("create a project of its own", "POST", "sensei_projects", "{\"sensei_name\":\"Project User's project\"}", 204, null,
                            "sensei_project", CREATE, USER),
                    Op.get("sensei_projects", "sensei_project", "IT Project 1", 403, OUT_OF_REACH, READ, USER)),
            new Case(ShippedRoles.PROJECT_EXECUTIVE,
                    Op.patch("sensei_projects", "sensei_project", "IT Project 1", 204, null, WRITE, BUSINESS_UNIT),
                    Op.get("sensei_projects", "sensei_project", "HR Project 1", 403, OUT_OF_REACH, READ, BUSINESS_UNIT)),
            new Case(ShippedRoles.PORTFOLIO_USER,
                    Op.patch("sensei_portfolios", "sensei_portfolio", "IT Portfolio 1", 204, null, WRITE, BUSINESS_UNIT),
                    Op.patch("sensei_portfolios", "sensei_portfolio", "HR Portfolio 1", 403, OUT_OF_REACH, WRITE, BUSINESS_UNIT)),
            new Case(ShippedRoles.STRATEGY_USER,
                    Op.patch("sensei_strategicthemes", "sensei_strategictheme", "Digital Workplace", 204, null, WRITE, ORGANIZATION),
                    Op.get("sensei_portfolios", "sensei_portfolio", "IT Portfolio 1", 403, OUT_OF_REACH, READ, BUSINESS_UNIT)),
            new Case(ShippedRoles.ADMIN_USER,
                    Op.patch("sensei_projects", "sensei_project", "HR Project 1", 204, null, WRITE, ORGANIZATION),
                    // Organization depth everywhere; what stops an admin is the new owner's missing Read.
                    new Op("assign IT Portfolio 1 to the Idea User, who cannot read portfolios", "PATCH",
                            "sensei_portfolios(" + recordId("sensei_portfolio", "IT Portfolio 1") + ")",
                            "{\"ownerid@odata.bind\":\"/systemusers(" + userId("ideauser") + ")\"}", 403, "0x80040231",
                            "sensei_portfolio", ASSIGN, ORGANIZATION)),
            new Case(ShippedRoles.PROGRAM_MANAGER,
                    Op.get("sensei_projects", "sensei_project", "IT Project 1", 200, null, READ, BUSINESS_UNIT),
                    Op.patch("sensei_programs", "sensei_program", "IT Program 1", 403, OUT_OF_REACH, WRITE, USER)),
            new Case(ShippedRoles.PORTFOLIO_MANAGER,
                    Op.get("sensei_programs", "sensei_program", "IT Program 1", 200, null, READ, BUSINESS_UNIT),
                    Op.get("sensei_portfolios", "sensei_portfolio", "IT Portfolio 1", 403, OUT_OF_REACH, READ, USER)),
            new Case(ShippedRoles.PROPOSAL_MANAGER,
                    Op.patch("sensei_proposals", "sensei_proposal", "IT Proposal 1", 204, null, WRITE, BUSINESS_UNIT),
                    Op.get("sensei_proposals", "sensei_proposal", "HR Proposal 1", 403, OUT_OF_REACH, READ, BUSINESS_UNIT)),
            new Case(ShippedRoles.IDEA_USER,
                    Op.patch("sensei_ideas", "sensei_idea", "HR Idea 1", 204, null, WRITE, BUSINESS_UNIT),
                    Op.patch("sensei_challenges", "sensei_challenge", "HR Challenge 1", 403, FORBIDDEN, WRITE, NONE)),
            new Case(ShippedRoles.CHALLENGE_USER,
                    Op.patch("sensei_challenges", "sensei_challenge", "HR Challenge 1", 204, null, WRITE, BUSINESS_UNIT),
                    Op.delete("sensei_ideas", "sensei_idea", "HR Idea 1", 403, OUT_OF_REACH, DELETE, USER)),
            new Case(ShippedRoles.STRATEGY_EXECUTIVE,
                    Op.get("sensei_projects", "sensei_project", "HR Project 1", 200, null, READ, ORGANIZATION),
                    Op.patch("sensei_projects", "sensei_project", "HR Project 1", 403, FORBIDDEN, WRITE, NONE)),
            new Case(ShippedRoles.PMO_USER,
                    Op.patch("sensei_projects", "sensei_project", "HR Project 1", 204, null, WRITE, ORGANIZATION),
                    Op.delete("sensei_risks", "sensei_risk", "HR Project 1 - Risk 2", 403, OUT_OF_REACH, DELETE, USER)),
            new Case(ShippedRoles.RESOURCE_MANAGER,
                    Op.patch("bookableresources", "bookableresource", "Yellow User", 204, null, WRITE, ORGANIZATION),
                    Op.patch("sensei_projects", "sensei_project", "HR Project 1", 403, FORBIDDEN, WRITE, NONE)),
            new Case(ShippedRoles.TIMESHEET_MANAGER,
                    new Op("read the PMO user's timesheet (root business unit)", "GET", "sensei_timesheets(" + ROOT_TIMESHEET + ")", null,
                            200, null, "sensei_timesheet", READ, BUSINESS_UNIT),
                    // Business Unit is not Deep: Green's timesheet lives in IT, below the manager's root unit.
                    Op.get("sensei_timesheets", "sensei_timesheet", "Green User - 2025-01-06", 403, OUT_OF_REACH, READ, BUSINESS_UNIT)),
            new Case(ShippedRoles.RESOURCE_ORGANIZATIONAL_ACCESS,
                    Op.get("bookableresources", "bookableresource", "Blue User", 200, null, READ, ORGANIZATION),
                    Op.patch("bookableresources", "bookableresource", "Blue User", 403, FORBIDDEN, WRITE, NONE)));

    @BeforeAll
    static void createTheRootUnitsTimesheet() {
        LabHttp.Reply r = lab.http().post(lab.adminToken(), "sensei_timesheets", "{\"sensei_timesheetid\":\"" + ROOT_TIMESHEET + "\","
                + "\"sensei_name\":\"PMO User - 2025-01-13\",\"sensei_periodstart\":\"2025-01-13\",\"sensei_periodend\":\"2025-01-19\","
                + "\"ownerid@odata.bind\":\"/systemusers(" + userId("pmo") + ")\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    /** The demo user who holds the role, preferring one who holds nothing else. */
    static DemoUser holder(String role) {
        return DemoOrganisation.USERS.stream().filter(u -> u.roles().contains(role))
                .min(Comparator.comparingInt(u -> u.roles().size()))
                .orElseThrow(() -> new AssertionError("no demo user holds " + role));
    }

    @Test
    void theCasesCoverEveryShippedRole() {
        assertThat(CASES.stream().map(Case::role).collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(ShippedRoles.ALL);
        assertThat(ROLES.roles()).hasSize(15);
    }

    @TestFactory
    List<DynamicTest> eachRoleAllowsAndRefusesAtItsDepth() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : CASES) {
            DemoUser user = holder(c.role());
            String who = RoleCatalog.shortName(c.role()) + " (" + user.upn() + ")";
            tests.add(DynamicTest.dynamicTest(who + " may " + c.allowed().what(), () -> run(c.role(), user, c.allowed())));
            tests.add(DynamicTest.dynamicTest(who + " may not " + c.refused().what(), () -> run(c.role(), user, c.refused())));
        }
        return tests;
    }

    private static void run(String role, DemoUser user, Op op) {
        assertThat(ROLES.get(role).depth(op.table(), op.privilege())).as("the role's " + op.privilege() + " on " + op.table())
                .isEqualTo(op.depth());
        String token = lab.http().token(user.upn(), DemoOrganisation.PASSWORD);
        LabHttp.Reply reply = lab.http().call(op.method(), token, op.path(), op.body());
        assertThat(reply.status()).as(op.method() + " " + op.path() + " → " + reply.body()).isEqualTo(op.status());
        if (op.code() != null) assertThat(reply.errorCode()).isEqualTo(op.code());
    }

    @Test
    void withoutTheAddOnBookableResourcesStayInTheirBusinessUnit() {
        String projectUser = lab.http().token("projectuser@contoso.test", "demo");
        String path = "bookableresources(" + recordId("bookableresource", "Yellow User") + ")?$select=name";
        assertThat(lab.http().get(projectUser, path).status()).as("IT user, HR resource").isEqualTo(403);
        assertThat(lab.http().get(projectUser, "bookableresources(" + recordId("bookableresource", "Blue User") + ")?$select=name").status())
                .isEqualTo(200);
        String withAddOn = lab.http().token("resourceorgaccess@contoso.test", "demo");
        assertThat(lab.http().get(withAddOn, "bookableresources(" + recordId("bookableresource", "Blue User") + ")?$select=name").status())
                .as("HR user with Resource Organizational Access, IT resource").isEqualTo(200);
    }
}
