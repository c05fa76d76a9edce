package io.ppmlab.emulator.acceptance;

import io.ppmlab.datasets.DemoOrganisation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A user may administer at most 250 Microsoft 365 group teams: the 250th is created, the 251st refused with 400. */
class ProductGroupLimitAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static String team(String name, int type, String administrator) {
        return "{\"name\":\"" + name + "\",\"teamtype\":" + type
                + ",\"businessunitid@odata.bind\":\"/businessunits(" + DemoOrganisation.businessUnitId("IT") + ")\""
                + ",\"administratorid@odata.bind\":\"/systemusers(" + DemoOrganisation.userId(administrator) + ")\"}";
    }

    @Test
    void the251stGroupTeamOfOneAdministratorIsRefused() {
        String admin = lab.adminToken();
        for (int i = 1; i <= 250; i++) {
            LabHttp.Reply created = lab.http().post(admin, "teams", team("Blue's group " + i, 3, "blue"));
            assertThat(created.status()).as("team " + i + ": " + created.body()).isEqualTo(204);
        }
        LabHttp.Reply refused = lab.http().post(admin, "teams", team("Blue's group 251", 3, "blue"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("0x80040265");
        assertThat(refused.json().path("error").path("message").asText()).contains("at most 250");

        LabHttp.Reply reassign = lab.http().patch(admin, "teams(" + DemoOrganisation.teamId("IT Project 1") + ")",
                "{\"administratorid@odata.bind\":\"/systemusers(" + DemoOrganisation.userId("blue") + ")\"}");
        assertThat(reassign.status()).as(reassign.body()).isEqualTo(400);
        assertThat(reassign.errorCode()).isEqualTo("0x80040265");

        // Owner teams do not count, and another administrator is fine.
        assertThat(lab.http().post(admin, "teams", team("Blue's owner team", 0, "blue")).status()).isEqualTo(204);
        assertThat(lab.http().post(admin, "teams", team("Blue's group 251", 3, "green")).status()).isEqualTo(204);
    }
}
