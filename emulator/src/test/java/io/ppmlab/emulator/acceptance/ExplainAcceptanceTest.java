package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.ppmlab.datasets.DemoOrganisation.businessUnitId;
import static io.ppmlab.datasets.DemoOrganisation.recordId;
import static io.ppmlab.datasets.DemoOrganisation.teamId;
import static io.ppmlab.datasets.DemoOrganisation.userId;
import static io.ppmlab.emulator.acceptance.SecurityBodies.access;
import static io.ppmlab.emulator.acceptance.SecurityBodies.targetAlias;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Why can I see this?": {@code lab_Explain} gives, per right, the decision and the reason (role, depth and
 * business unit; owning team; share) or the check that failed. Self-explanation for all, others for admins.
 */
class ExplainAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static final UUID IT_PROJECT_1 = recordId("sensei_project", "IT Project 1");
    static String admin;
    static String blue;

    @BeforeAll
    static void signIn() {
        admin = lab.adminToken();
        blue = lab.http().token("blue@contoso.test", "demo");
    }

    static LabHttp.Reply explain(String token, String set, UUID row, String user) {
        String url = (user == null ? "lab_Explain(Target=@t)?" : "lab_Explain(Target=@t,User=@u)?") + targetAlias("@t", set, row)
                + (user == null ? "" : "&@u=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
        return lab.http().get(token, url);
    }

    static JsonNode right(JsonNode explanation, String privilege) {
        for (JsonNode r : explanation.get("Rights")) if (r.get("Privilege").asText().equals(privilege)) return r;
        throw new AssertionError("no right " + privilege + " in " + explanation);
    }

    @Test
    void aUserExplainsTheirOwnAccessRightByRight() {
        LabHttp.Reply r = explain(blue, "sensei_projects", IT_PROJECT_1, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode e = r.json();
        assertThat(e.get("UserId").asText()).isEqualTo(userId("blue").toString());
        assertThat(e.get("Rights")).hasSize(8);
        assertThat(e.get("Target").get("Name").asText()).isEqualTo("IT Project 1");
        assertThat(e.get("Target").get("Owner").asText()).contains(teamId("IT Project 1").toString(), "(IT Project 1)");

        JsonNode read = right(e, "Read");
        assertThat(read.get("Allowed").asBoolean()).isTrue();
        assertThat(read.get("Decision").asText()).contains("Sensei IQ - Portfolio Manager", "Local depth",
                businessUnitId("IT").toString() + " (IT)");

        JsonNode write = right(e, "Write");
        assertThat(write.get("Allowed").asBoolean()).isFalse();
        assertThat(write.get("FailedCheck").asText()).isEqualTo("AccessCheck");
        assertThat(write.get("ErrorCode").asText()).isEqualTo("0x80048306");
        assertThat(write.get("Roles").get(0).asText()).contains("Portfolio Manager", "Basic depth");

        JsonNode delete = right(e, "Delete");
        assertThat(delete.get("FailedCheck").asText()).isEqualTo("PrivilegeCheck");
        assertThat(delete.get("ErrorCode").asText()).isEqualTo("0x80040220");
        assertThat(delete.get("Roles")).isEmpty();
        assertThat(delete.get("Message").asText()).contains("is missing prvDeletesensei_project");
    }

    @Test
    void ownershipThroughATeamIsNamed() {
        String green = lab.http().token("green@contoso.test", "demo");
        JsonNode write = right(explain(green, "sensei_portfolios", recordId("sensei_portfolio", "IT Portfolio 2"), null).json(), "Write");
        assertThat(write.get("Allowed").asBoolean()).isTrue();
        assertThat(write.get("Decision").asText()).contains("team " + teamId("IT Portfolio 2") + " (IT Portfolio 2)", "owns the row");
    }

    @Test
    void sharesAndInheritedSharesAreNamed() {
        UUID project = recordId("sensei_project", "HR Project 1");
        assertThat(lab.http().post(admin, "GrantAccess", access("sensei_project", project, "systemuser", userId("blue"), "ReadAccess")).status())
                .isEqualTo(204);
        JsonNode onProject = right(explain(blue, "sensei_projects", project, null).json(), "Read");
        assertThat(onProject.get("Decision").asText()).startsWith("share with systemuser " + userId("blue") + " (Blue User)").contains("ReadAccess");
        JsonNode onRisk = right(explain(blue, "sensei_risks", recordId("sensei_risk", "HR Project 1 - Risk 1"), null).json(), "Read");
        assertThat(onRisk.get("Allowed").asBoolean()).isTrue();
        assertThat(onRisk.get("Decision").asText()).startsWith("inherited share");
    }

    @Test
    void anAdminExplainsAnyoneOthersOnlyThemselves() {
        LabHttp.Reply byAdmin = explain(admin, "sensei_projects", IT_PROJECT_1, userId("blue").toString());
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
        assertThat(byAdmin.json().get("UserId").asText()).isEqualTo(userId("blue").toString());
        assertThat(right(byAdmin.json(), "Read").get("Allowed").asBoolean()).isTrue();
        LabHttp.Reply asReference = explain(admin, "sensei_projects", IT_PROJECT_1, "{'@odata.id':'systemusers(" + userId("yellow") + ")'}");
        assertThat(asReference.status()).isEqualTo(200);
        assertThat(right(asReference.json(), "Read").get("Allowed").asBoolean()).as("yellow is in HR").isFalse();

        LabHttp.Reply byBlue = explain(blue, "sensei_projects", IT_PROJECT_1, userId("green").toString());
        assertThat(byBlue.status()).isEqualTo(403);
        assertThat(byBlue.errorCode()).isEqualTo("0x80040220");
        String executive = lab.http().token("projectexecutive@contoso.test", "demo");
        assertThat(explain(executive, "sensei_projects", IT_PROJECT_1, userId("blue").toString()).status()).isEqualTo(403);
        assertThat(explain(blue, "sensei_projects", IT_PROJECT_1, userId("blue").toString()).status()).as("naming oneself").isEqualTo(200);
    }

    @Test
    void explainingUnknownRowsOrUsersIsA404() {
        assertThat(explain(admin, "sensei_projects", UUID.randomUUID(), null).status()).isEqualTo(404);
        assertThat(explain(admin, "sensei_projects", IT_PROJECT_1, UUID.randomUUID().toString()).status()).isEqualTo(404);
        assertThat(lab.http().get(admin, "lab_Explain(Target=@t)").status()).as("alias without a value").isEqualTo(400);
    }
}
