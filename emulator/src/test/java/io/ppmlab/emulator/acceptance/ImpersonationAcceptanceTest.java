package io.ppmlab.emulator.acceptance;

import io.ppmlab.datasets.Ids;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.UUID;

import static io.ppmlab.datasets.DemoOrganisation.recordId;
import static io.ppmlab.datasets.DemoOrganisation.userId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Impersonation through HTTP: an admin acting as Blue with {@code MSCRMCallerID} or {@code CallerObjectId} sees
 * only what Blue sees and creates rows as Blue on the admin's behalf; without prvActOnBehalfOfAnotherUser, 403.
 */
class ImpersonationAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static final UUID BLUE = userId("blue");
    static final UUID ADMIN = userId("admin");
    static final String HR_PROJECT = "sensei_projects(" + recordId("sensei_project", "HR Project 1") + ")?$select=sensei_name";
    static final String IT_PROJECT = "sensei_projects(" + recordId("sensei_project", "IT Project 1") + ")?$select=sensei_name";
    static String admin;

    @BeforeAll
    static void signIn() { admin = lab.adminToken(); }

    static LabHttp http() { return lab.http(); }

    @Test
    void anAdminActingAsBlueReadsOnlyWhatBlueReads() {
        for (List<String> header : List.of(List.of("MSCRMCallerID", BLUE.toString()),
                List.of("CallerObjectId", Ids.of("entra-user", "blue@contoso.test").toString()))) {
            String name = header.get(0);
            String value = header.get(1);
            assertThat(http().get(admin, HR_PROJECT).status()).as("the admin alone").isEqualTo(200);
            LabHttp.Reply hr = http().get(admin, HR_PROJECT, name, value);
            assertThat(hr.status()).as(name).isEqualTo(403);
            assertThat(hr.errorCode()).isEqualTo("0x80048306");
            assertThat(http().get(admin, IT_PROJECT, name, value).status()).as(name).isEqualTo(200);
            assertThat(http().get(admin, "sensei_portfolios?$select=sensei_name", name, value).json().get("value"))
                    .as("Blue's portfolios: none").isEmpty();
            assertThat(http().get(admin, "WhoAmI", name, value).json().get("UserId").asText()).isEqualTo(BLUE.toString());
        }
    }

    @Test
    void aRowCreatedOnBehalfOfBlueIsCreatedByBlueOnBehalfOfTheAdmin() {
        LabHttp.Reply created = http().post(admin, "sensei_portfolios?$select=_createdby_value,_createdonbehalfby_value,_ownerid_value",
                "{\"sensei_name\":\"Blue's portfolio\"}", "MSCRMCallerID", BLUE.toString(), "Prefer", "return=representation");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("_createdby_value").asText()).isEqualTo(BLUE.toString());
        assertThat(created.json().get("_createdonbehalfby_value").asText()).isEqualTo(ADMIN.toString());
        assertThat(created.json().get("_ownerid_value").asText()).isEqualTo(BLUE.toString());
    }

    @Test
    void impersonationNeedsActOnBehalfAndAValidGuid() {
        String blue = http().token("blue@contoso.test", "demo");
        LabHttp.Reply refused = http().get(blue, IT_PROJECT, "MSCRMCallerID", userId("green").toString());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("0x80040224");
        assertThat(refused.json().path("error").path("message").asText()).contains("prvActOnBehalfOfAnotherUser");

        assertThat(http().get(admin, IT_PROJECT, "MSCRMCallerID", "not-a-guid").status()).isEqualTo(400);
        assertThat(http().get(admin, IT_PROJECT, "CallerObjectId", "1-2-3-4-5").status()).isEqualTo(400);
        assertThat(http().get(admin, IT_PROJECT, "MSCRMCallerID", UUID.randomUUID().toString()).status()).as("unknown user").isEqualTo(404);
    }

    @Test
    void theEffectiveRightsAreTheIntersectionOfBothUsers() {
        // Blue may write projects owned by its teams, the admin anything: acting as Blue, the admin writes nothing of HR.
        LabHttp.Reply write = http().patch(admin, "sensei_projects(" + recordId("sensei_project", "HR Project 2") + ")",
                "{\"sensei_description\":\"x\"}", "MSCRMCallerID", BLUE.toString());
        assertThat(write.status()).isEqualTo(403);
        // ... and explaining itself while impersonating explains Blue.
        LabHttp.Reply explained = http().get(admin, "lab_Explain(Target=@t)?" + SecurityBodies.targetAlias("@t", "sensei_projects",
                recordId("sensei_project", "IT Project 1")), "MSCRMCallerID", BLUE.toString());
        assertThat(explained.status()).as(explained.body()).isEqualTo(200);
        assertThat(explained.json().get("UserId").asText()).isEqualTo(BLUE.toString());
    }
}
