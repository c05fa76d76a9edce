package io.ppmlab.emulator.acceptance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static io.ppmlab.datasets.DemoOrganisation.businessUnitId;
import static io.ppmlab.datasets.DemoOrganisation.recordId;
import static io.ppmlab.datasets.DemoOrganisation.teamId;
import static io.ppmlab.datasets.DemoOrganisation.userId;
import static io.ppmlab.emulator.acceptance.SecurityBodies.access;
import static io.ppmlab.emulator.acceptance.SecurityBodies.members;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Direct Dataverse team membership (AddMembersTeam, RemoveMembersTeam, {@code teammembership_association/$ref})
 * changes access on the very next request; and {@code $ref} on lookups assigns and re-parents rows.
 */
class TeamMembersAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static final UUID OWNER_TEAM = UUID.fromString("0b0e0a1e-0000-4000-8000-000000000001");
    static final UUID ACCESS_TEAM = UUID.fromString("0b0e0a1e-0000-4000-8000-000000000002");
    static final UUID BLUE = userId("blue");
    static final UUID HR_PROJECT_3 = recordId("sensei_project", "HR Project 3");
    static final String PROJECT = "sensei_projects(" + HR_PROJECT_3 + ")";
    static String admin;
    static String blue;

    @BeforeAll
    static void setUp() {
        admin = lab.adminToken();
        blue = lab.http().token("blue@contoso.test", "demo");
        createTeam(OWNER_TEAM, "HR delivery", 0, "HR");
        createTeam(ACCESS_TEAM, "HR reviewers", 1, "HR");
        // Assign HR Project 3 to the owner team through its owner navigation.
        LabHttp.Reply assign = http().put(admin, PROJECT + "/ownerid/$ref", "{\"@odata.id\":\"" + http().api() + "teams(" + OWNER_TEAM + ")\"}");
        assertThat(assign.status()).as(assign.body()).isEqualTo(204);
        assertThat(http().get(admin, PROJECT + "?$select=_ownerid_value").json().get("_ownerid_value").asText()).isEqualTo(OWNER_TEAM.toString());
    }

    static void createTeam(UUID id, String name, int type, String unit) {
        LabHttp.Reply r = http().post(admin, "teams", "{\"teamid\":\"" + id + "\",\"name\":\"" + name + "\",\"teamtype\":" + type
                + ",\"businessunitid@odata.bind\":\"/businessunits(" + businessUnitId(unit) + ")\""
                + ",\"administratorid@odata.bind\":\"/systemusers(" + userId("admin") + ")\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    static LabHttp http() { return lab.http(); }

    static int blueReads(String path) { return http().get(blue, path + "?$select=sensei_name").status(); }

    @Test
    void addAndRemoveMembersChangeAccessOnTheNextRequest() {
        assertThat(blueReads(PROJECT)).as("not a member yet").isEqualTo(403);
        String add = "teams(" + OWNER_TEAM + ")/Microsoft.Dynamics.CRM.AddMembersTeam";
        assertThat(http().post(admin, add, members(BLUE)).status()).isEqualTo(204);
        assertThat(blueReads(PROJECT)).as("the team owns the project").isEqualTo(200);
        assertThat(http().patch(blue, PROJECT, "{\"sensei_description\":\"team work\"}").status())
                .as("Portfolio Manager's User-depth Write reaches the team's rows").isEqualTo(204);
        assertThat(http().post(admin, add, members(BLUE)).status()).as("adding a member twice changes nothing").isEqualTo(204);

        assertThat(http().post(admin, "teams(" + OWNER_TEAM + ")/Microsoft.Dynamics.CRM.RemoveMembersTeam", members(BLUE)).status())
                .isEqualTo(204);
        assertThat(blueReads(PROJECT)).as("removed").isEqualTo(403);
    }

    @Test
    void associateAndDisassociateThroughTheNavigationOfEitherSide() {
        String ref = "teams(" + OWNER_TEAM + ")/teammembership_association/$ref";
        assertThat(http().post(admin, ref, "{\"@odata.id\":\"" + http().api() + "systemusers(" + BLUE + ")\"}").status()).isEqualTo(204);
        assertThat(blueReads(PROJECT)).isEqualTo(200);
        assertThat(http().delete(admin, "teams(" + OWNER_TEAM + ")/teammembership_association(" + BLUE + ")/$ref").status()).isEqualTo(204);
        assertThat(blueReads(PROJECT)).isEqualTo(403);

        String fromUser = "systemusers(" + BLUE + ")/teammembership_association";
        assertThat(http().post(admin, fromUser + "/$ref", "{\"@odata.id\":\"teams(" + OWNER_TEAM + ")\"}").status()).isEqualTo(204);
        assertThat(blueReads(PROJECT)).isEqualTo(200);
        assertThat(http().delete(admin, fromUser + "(" + OWNER_TEAM + ")/$ref").status()).isEqualTo(204);
        assertThat(blueReads(PROJECT)).isEqualTo(403);
    }

    @Test
    void anAccessTeamPassesItsSharesToItsMembers() {
        UUID project = recordId("sensei_project", "HR Project 2");
        String path = "sensei_projects(" + project + ")";
        assertThat(http().post(admin, "GrantAccess", access("sensei_project", project, "team", ACCESS_TEAM, "ReadAccess")).status()).isEqualTo(204);
        assertThat(blueReads(path)).isEqualTo(403);
        assertThat(http().post(admin, "teams(" + ACCESS_TEAM + ")/Microsoft.Dynamics.CRM.AddMembersTeam", members(BLUE)).status()).isEqualTo(204);
        assertThat(blueReads(path)).isEqualTo(200);
        assertThat(blueReads("sensei_risks(" + recordId("sensei_risk", "HR Project 2 - Risk 1") + ")")).as("inherited").isEqualTo(200);
        http().post(admin, "teams(" + ACCESS_TEAM + ")/Microsoft.Dynamics.CRM.RemoveMembersTeam", members(BLUE));
        assertThat(blueReads(path)).isEqualTo(403);
    }

    @Test
    void membershipChangesAreRefusedWhereDataverseRefusesThem() {
        LabHttp.Reply group = http().post(admin, "teams(" + teamId("IT Project 1") + ")/Microsoft.Dynamics.CRM.AddMembersTeam", members(BLUE));
        assertThat(group.status()).as("an Entra ID group team takes its members from the group").isEqualTo(400);
        assertThat(group.errorCode()).isEqualTo("0x80040203");
        assertThat(http().post(admin, "teams(" + teamId("HR") + ")/Microsoft.Dynamics.CRM.AddMembersTeam", members(BLUE)).status())
                .as("a default team holds its unit's users").isEqualTo(400);

        LabHttp.Reply notAdmin = http().post(blue, "teams(" + OWNER_TEAM + ")/Microsoft.Dynamics.CRM.AddMembersTeam", members(BLUE));
        assertThat(notAdmin.status()).as("Write on the team is needed").isEqualTo(403);
        assertThat(notAdmin.errorCode()).isEqualTo("0x80040220");
        assertThat(http().post(admin, "teams(" + OWNER_TEAM + ")/Microsoft.Dynamics.CRM.AddMembersTeam", members(UUID.randomUUID())).status())
                .as("unknown user").isEqualTo(404);
        assertThat(http().post(admin, "teams(" + OWNER_TEAM + ")/Microsoft.Dynamics.CRM.AddMembersTeam", "{\"Members\":{}}").status())
                .isEqualTo(400);
        assertThat(http().post(admin, "teams(" + OWNER_TEAM + ")/teammembership_association/$ref",
                "{\"@odata.id\":\"teams(" + ACCESS_TEAM + ")\"}").status()).as("a team is not a member").isEqualTo(400);
    }

    @Test
    void refsOnLookupsSetAndClearThemThroughTheUpdatePath() {
        UUID project = recordId("sensei_project", "IT Project 1");
        UUID program = recordId("sensei_program", "IT Program 1");
        String path = "sensei_projects(" + project + ")";
        assertThat(http().delete(admin, path + "/sensei_program/$ref").status()).isEqualTo(204);
        assertThat(http().get(admin, path + "?$select=_sensei_program_value").json().get("_sensei_program_value").isNull()).isTrue();
        assertThat(http().put(admin, path + "/sensei_program/$ref", "{\"@odata.id\":\"sensei_programs(" + program + ")\"}").status()).isEqualTo(204);
        assertThat(http().get(admin, path + "?$select=_sensei_program_value").json().get("_sensei_program_value").asText()).isEqualTo(program.toString());

        String children = "sensei_programs(" + program + ")/sensei_project_sensei_program";
        assertThat(http().delete(admin, children + "(" + project + ")/$ref").status()).isEqualTo(204);
        assertThat(http().get(admin, path + "?$select=_sensei_program_value").json().get("_sensei_program_value").isNull()).isTrue();
        assertThat(http().post(admin, children + "/$ref", "{\"@odata.id\":\"sensei_projects(" + project + ")\"}").status()).isEqualTo(204);
        assertThat(http().get(admin, path + "?$select=_sensei_program_value").json().get("_sensei_program_value").asText()).isEqualTo(program.toString());

        assertThat(http().delete(admin, path + "/ownerid/$ref").status()).as("an owner cannot be cleared").isEqualTo(400);
        LabHttp.Reply noWrite = http().delete(blue, path + "/sensei_program/$ref");
        assertThat(noWrite.status()).as("the same checks as a PATCH").isEqualTo(403);
        assertThat(http().post(admin, path + "/sensei_program/$ref", "{\"@odata.id\":\"sensei_programs(" + program + ")\"}").status())
                .as("a single-valued navigation is set with PUT").isEqualTo(405);
    }
}
