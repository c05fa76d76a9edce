package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.datasets.DemoOrganisation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.ppmlab.datasets.DemoOrganisation.recordId;
import static io.ppmlab.datasets.DemoOrganisation.teamId;
import static io.ppmlab.datasets.DemoOrganisation.userId;
import static io.ppmlab.emulator.acceptance.SecurityBodies.access;
import static io.ppmlab.emulator.acceptance.SecurityBodies.revoke;
import static io.ppmlab.emulator.acceptance.SecurityBodies.targetAlias;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GrantAccess, ModifyAccess, RevokeAccess, RetrieveSharedPrincipalsAndAccess and RetrievePrincipalAccess
 * through HTTP: a share opens exactly what it grants (and the rows that inherit through a parental
 * relationship), never more than the grantee's privileges or the grantor's own rights.
 */
class SharingAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static final UUID HR_PROJECT_1 = recordId("sensei_project", "HR Project 1");
    static final UUID HR_PROJECT_1_RISK = recordId("sensei_risk", "HR Project 1 - Risk 1");
    static final String PROJECT = "sensei_projects(" + HR_PROJECT_1 + ")";
    static final String RISK = "sensei_risks(" + HR_PROJECT_1_RISK + ")";
    static final UUID BLUE = userId("blue");
    static String admin;
    static String blue;

    @BeforeAll
    static void signIn() {
        admin = lab.adminToken();
        blue = lab.http().token("blue@contoso.test", "demo");
    }

    static LabHttp http() { return lab.http(); }

    static int renamed(String token, String path) {
        return http().patch(token, path, "{\"sensei_description\":\"edited through a share\"}").status();
    }

    @Test
    void grantModifyAndRevokeOpenAndCloseExactlyWhatTheyShare() {
        assertThat(http().get(blue, PROJECT).status()).as("before any share").isEqualTo(403);

        assertThat(http().post(admin, "GrantAccess", access("sensei_project", HR_PROJECT_1, "systemuser", BLUE, "ReadAccess")).status())
                .isEqualTo(204);
        assertThat(http().get(blue, PROJECT + "?$select=sensei_name").status()).as("read through the share").isEqualTo(200);
        assertThat(http().get(blue, RISK + "?$select=sensei_name").status()).as("the risk inherits the project's share").isEqualTo(200);
        assertThat(http().get(blue, "sensei_projects?$select=sensei_name").json().get("value").findValuesAsText("sensei_name"))
                .contains("HR Project 1");
        LabHttp.Reply write = http().patch(blue, PROJECT, "{\"sensei_description\":\"x\"}");
        assertThat(write.status()).as("a Read share is no Write").isEqualTo(403);
        assertThat(write.errorCode()).isEqualTo("0x80048306");

        assertThat(http().post(admin, "ModifyAccess", access("sensei_project", HR_PROJECT_1, "systemuser", BLUE, "ReadAccess,WriteAccess")).status())
                .isEqualTo(204);
        assertThat(renamed(blue, PROJECT)).as("ModifyAccess added Write").isEqualTo(204);
        assertThat(principalAccess(BLUE, "sensei_projects", HR_PROJECT_1)).isEqualTo("ReadAccess, WriteAccess");

        assertThat(http().post(admin, "RevokeAccess", revoke("sensei_project", HR_PROJECT_1, "systemuser", BLUE)).status()).isEqualTo(204);
        assertThat(http().get(blue, PROJECT).status()).as("revoked").isEqualTo(403);
        assertThat(http().get(blue, RISK).status()).as("the inherited share went with it").isEqualTo(403);
        assertThat(principalAccess(BLUE, "sensei_projects", HR_PROJECT_1)).isEqualTo("None");
    }

    @Test
    void retrieveSharedPrincipalsAndAccessListsDirectAndInheritedShares() {
        UUID project = recordId("sensei_project", "HR Project 3");
        UUID risk = recordId("sensei_risk", "HR Project 3 - Risk 1");
        UUID itTeam = teamId("IT");
        http().post(admin, "GrantAccess", access("sensei_project", project, "systemuser", BLUE, "ReadAccess,AppendToAccess"));
        http().post(admin, "GrantAccess", access("sensei_project", project, "team", itTeam, "ReadAccess"));

        JsonNode onProject = shared("sensei_projects", project);
        assertThat(entries(onProject)).contains("systemuser " + BLUE + " ReadAccess, AppendToAccess", "team " + itTeam + " ReadAccess");
        assertThat(entries(shared("sensei_risks", risk))).as("the risk lists what it inherits")
                .contains("systemuser " + BLUE + " ReadAccess, AppendToAccess", "team " + itTeam + " ReadAccess");
        assertThat(onProject.get("@odata.context").asText()).endsWith("$metadata#Microsoft.Dynamics.CRM.RetrieveSharedPrincipalsAndAccessResponse");

        // A share with a team reaches its members: green is in the IT default team.
        String green = http().token("green@contoso.test", "demo");
        assertThat(http().get(green, "sensei_projects(" + project + ")?$select=sensei_name").status()).isEqualTo(200);
        // The team itself holds no role, so on its own the share gives it nothing; members use their own privileges.
        assertThat(principalAccessOfTeam(itTeam, "sensei_projects", project)).isEqualTo("None");
        // GrantAccess adds rights to an existing share.
        http().post(admin, "GrantAccess", access("sensei_project", project, "team", itTeam, "WriteAccess"));
        assertThat(entries(shared("sensei_projects", project))).contains("team " + itTeam + " ReadAccess, WriteAccess");
    }

    @Test
    void aShareNeverGrantsMoreThanTheGranteesPrivileges() {
        // Proposal Manager reads projects (User depth) but holds no Write privilege on them.
        UUID proposalManager = userId("proposalmanager");
        UUID project = recordId("sensei_project", "IT Project 2");
        http().post(admin, "GrantAccess", access("sensei_project", project, "systemuser", proposalManager, "ReadAccess,WriteAccess"));
        String token = http().token("proposalmanager@contoso.test", "demo");
        assertThat(http().get(token, "sensei_projects(" + project + ")?$select=sensei_name").status()).isEqualTo(200);
        LabHttp.Reply write = http().patch(token, "sensei_projects(" + project + ")", "{\"sensei_description\":\"x\"}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.errorCode()).as("the privilege check fails before any share counts").isEqualTo("0x80040220");
        assertThat(principalAccess(proposalManager, "sensei_projects", project)).isEqualTo("ReadAccess");
    }

    @Test
    void aGrantorSharesOnlyWhatItHasAndNeedsShareOnTheRow() {
        UUID portfolio = recordId("sensei_portfolio", "IT Portfolio 1");
        String path = "sensei_portfolios(" + portfolio + ")?$select=sensei_name";
        http().post(admin, "GrantAccess", access("sensei_portfolio", portfolio, "systemuser", BLUE, "ReadAccess,ShareAccess"));
        assertThat(http().get(blue, path).status()).isEqualTo(200);

        // Blue may pass on Read, which it has, but not Write, which it lacks on this row.
        UUID yellow = userId("yellow");
        LabHttp.Reply more = http().post(blue, "GrantAccess", access("sensei_portfolio", portfolio, "systemuser", yellow, "ReadAccess,WriteAccess"));
        assertThat(more.status()).isEqualTo(403);
        assertThat(more.errorCode()).isEqualTo("0x80048306");
        assertThat(http().post(blue, "GrantAccess", access("sensei_portfolio", portfolio, "systemuser", yellow, "ReadAccess")).status()).isEqualTo(204);
        assertThat(http().get(http().token("yellow@contoso.test", "demo"), path).status()).isEqualTo(200);

        // Without Share on a row, no sharing: Proposal Manager holds no Share privilege on projects.
        LabHttp.Reply noShare = http().post(http().token("proposalmanager@contoso.test", "demo"), "GrantAccess",
                access("sensei_project", recordId("sensei_project", "IT Project 2"), "systemuser", yellow, "ReadAccess"));
        assertThat(noShare.status()).isEqualTo(403);
        assertThat(noShare.errorCode()).isEqualTo("0x80040220");
        assertThat(noShare.json().path("error").path("message").asText()).contains("prvSharesensei_project");
    }

    @Test
    void badSharesAreRefusedWithDataverseShapedErrors() {
        UUID project = recordId("sensei_project", "IT Project 3");
        assertThat(http().post(admin, "GrantAccess", "{\"PrincipalAccess\":{}}").errorCode()).isEqualTo("0x80040203");
        assertThat(http().post(admin, "GrantAccess", access("sensei_project", project, "systemuser", BLUE, "CreateAccess")).status()).isEqualTo(400);
        assertThat(http().post(admin, "GrantAccess", access("sensei_project", project, "systemuser", BLUE, "FlyAccess")).status()).isEqualTo(400);
        assertThat(http().post(admin, "GrantAccess", access("sensei_project", project, "systemuser", UUID.randomUUID(), "ReadAccess")).status())
                .as("unknown principal").isEqualTo(404);
        assertThat(http().post(admin, "GrantAccess", access("sensei_project", UUID.randomUUID(), "systemuser", BLUE, "ReadAccess")).status())
                .as("unknown row").isEqualTo(404);
        assertThat(http().post(admin, "GrantAccess", access("businessunit", DemoOrganisation.businessUnitId("IT"), "systemuser", BLUE, "ReadAccess")).status())
                .as("organization-owned rows are not shared").isEqualTo(400);
        assertThat(http().get(admin, "GrantAccess").status()).as("an action is POSTed").isEqualTo(405);
    }

    static String principalAccess(UUID user, String set, UUID row) {
        LabHttp.Reply r = http().get(admin, "systemusers(" + user + ")/Microsoft.Dynamics.CRM.RetrievePrincipalAccess(Target=@t)?"
                + targetAlias("@t", set, row));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("AccessRights").asText();
    }

    static String principalAccessOfTeam(UUID team, String set, UUID row) {
        LabHttp.Reply r = http().get(admin, "teams(" + team + ")/Microsoft.Dynamics.CRM.RetrievePrincipalAccess(Target=@t)?"
                + targetAlias("@t", set, row));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("AccessRights").asText();
    }

    static JsonNode shared(String set, UUID row) {
        LabHttp.Reply r = http().get(admin, "RetrieveSharedPrincipalsAndAccess(Target=@t)?" + targetAlias("@t", set, row));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> entries(JsonNode response) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : response.get("PrincipalAccesses")) {
            String type = e.get("Principal").get("@odata.type").asText().replace("#Microsoft.Dynamics.CRM.", "");
            out.add(type + " " + e.get("Principal").get("ownerid").asText() + " " + e.get("AccessMask").asText());
        }
        return out;
    }
}
