package io.ppmlab.emulator.acceptance;

import io.ppmlab.datasets.DemoOrganisation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entra group changes reach a team's members late, as in Dataverse: on the member's next sign-in, or when
 * an admin forces the sync ({@code POST /lab/groups/sync}). Until then the old membership, and so the old
 * access, applies. The periodic sync is in {@link ProductGroupSyncScheduleAcceptanceTest}.
 */
class ProductGroupSyncAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static String admin;

    @BeforeAll
    static void signInAdmin() { admin = lab.adminToken(); }

    static String token(String user) { return lab.http().token(user + "@contoso.test", "demo"); }

    static String groups(String path) { return lab.http().root() + "/lab/groups/" + path; }

    static LabHttp.Reply changeGroup(String team, String body) {
        return lab.http().post(admin, groups(DemoOrganisation.teamId(team) + "/members"), body);
    }

    static int rename(String token, String set, String name) {
        UUID id = DemoOrganisation.recordId(set.substring(0, set.length() - 1), name);
        return lab.http().patch(token, set + "(" + id + ")", "{\"sensei_description\":\"edited " + UUID.randomUUID() + "\"}").status();
    }

    @Test
    void anAddedMemberGetsAccessAtTheirNextSignIn() {
        String blue = token("blue");
        assertThat(rename(blue, "sensei_projects", "IT Project 1")).isEqualTo(403);

        LabHttp.Reply changed = changeGroup("IT Project 1", "{\"add\":[\"Blue@contoso.test\"]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("pendingAdd").toString()).isEqualTo("[\"blue@contoso.test\"]");
        assertThat(changed.json().path("team").toString()).doesNotContain("blue@");

        assertThat(rename(blue, "sensei_projects", "IT Project 1")).as("old membership until sign-in").isEqualTo(403);
        String signedInAgain = token("blue");
        assertThat(rename(signedInAgain, "sensei_projects", "IT Project 1")).isEqualTo(204);
        assertThat(rename(blue, "sensei_projects", "IT Project 1")).as("membership is server-side: the old token too").isEqualTo(204);
        LabHttp.Reply state = lab.http().get(admin, groups(DemoOrganisation.teamId("IT Project 1").toString()));
        assertThat(state.json().path("pendingAdd")).isEmpty();
        assertThat(state.json().path("team").toString()).contains("blue@contoso.test");
    }

    @Test
    void aRemovedMemberKeepsAccessUntilAnAdminForcesTheSync() {
        String green = token("green");
        assertThat(rename(green, "sensei_programs", "IT Program 3")).isEqualTo(204);

        LabHttp.Reply changed = changeGroup("IT Program 3", "{\"remove\":[\"green@contoso.test\"]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("pendingRemove").toString()).isEqualTo("[\"green@contoso.test\"]");
        assertThat(rename(green, "sensei_programs", "IT Program 3")).as("old membership until a sync").isEqualTo(204);

        LabHttp.Reply sync = lab.http().post(admin, groups("sync"), "");
        assertThat(sync.status()).as(sync.body()).isEqualTo(200);
        assertThat(sync.json().path("removed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(rename(green, "sensei_programs", "IT Program 3")).isEqualTo(403);
        // Green keeps the Business Unit read of its role.
        assertThat(lab.http().get(green, "sensei_programs(" + DemoOrganisation.recordId("sensei_program", "IT Program 3") + ")").status()).isEqualTo(200);
    }

    @Test
    void onlyAdminsUseTheGroupRoutes() {
        String team = DemoOrganisation.teamId("HR Project 3").toString();
        LabHttp.Reply anonymous = lab.http().post(null, groups("sync"), "");
        assertThat(anonymous.status()).isEqualTo(401);
        LabHttp.Reply pmo = lab.http().post(token("pmo"), groups(team + "/members"), "{\"add\":[\"red@contoso.test\"]}");
        assertThat(pmo.status()).isEqualTo(403);
        assertThat(pmo.errorCode()).isEqualTo("0x80040220");
        assertThat(lab.http().get(admin, groups(team)).json().path("group").toString()).doesNotContain("red@");
    }

    @Test
    void badRequestsAreRefusedInDataversesShape() {
        String team = DemoOrganisation.teamId("HR Project 3").toString();
        assertThat(lab.http().post(admin, groups(team + "/members"), "{\"add\":[\"nobody@contoso.test\"]}").status()).isEqualTo(400);
        assertThat(lab.http().post(admin, groups(team + "/members"), "{\"add\":\"red@contoso.test\"}").status()).isEqualTo(400);
        assertThat(lab.http().post(admin, groups(team + "/members"), "{\"invite\":[]}").status()).isEqualTo(400);
        LabHttp.Reply notJson = lab.http().post(admin, groups(team + "/members"), "not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.errorCode()).isEqualTo("0x80040203");
        LabHttp.Reply ownerTeam = lab.http().post(admin, groups(DemoOrganisation.teamId("HR") + "/members"), "{\"add\":[\"red@contoso.test\"]}");
        assertThat(ownerTeam.status()).isEqualTo(400);
        assertThat(ownerTeam.json().path("error").path("message").asText()).contains("not a Microsoft Entra ID group team");
        assertThat(lab.http().get(admin, groups(UUID.randomUUID().toString())).status()).isEqualTo(404);
        assertThat(lab.http().get(admin, groups("not-a-guid")).status()).isEqualTo(400);
    }
}
