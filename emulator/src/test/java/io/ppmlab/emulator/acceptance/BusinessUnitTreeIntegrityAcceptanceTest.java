package io.ppmlab.emulator.acceptance;

import io.ppmlab.datasets.DemoOrganisation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business-unit tree stays a tree: one root, every other unit under an existing unit, no cycle, and every user,
 * team and role in an existing unit. A write that would break it is refused with 400 and changes nothing; before
 * this guard, one such write (found by {@code lab fuzz}) made the security model unloadable and every later request
 * a 500.
 */
class BusinessUnitTreeIntegrityAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    private static final UUID NOWHERE = UUID.fromString("0badc0de-0000-4000-8000-000000000001");
    private static final String IT = "businessunits(" + DemoOrganisation.businessUnitId("IT") + ")";
    private static final String ROOT = "businessunits(" + DemoOrganisation.businessUnitId(DemoOrganisation.ROOT_BU) + ")";

    private static String parent(Object id) { return "{\"parentbusinessunitid@odata.bind\":\"/businessunits(" + id + ")\"}"; }

    @Test
    void writesThatWouldBreakTheTreeAreRefusedAndTheApiStaysUp() {
        String admin = lab.adminToken();
        String before = lab.http().get(admin, "businessunits?$select=name,_parentbusinessunitid_value&$orderby=name").body();
        UUID child = created(lab.http().post(admin, "businessunits",
                "{\"name\":\"IT Child\",\"parentbusinessunitid@odata.bind\":\"/" + IT + "\"}"));

        refused(lab.http().post(admin, "businessunits", "{\"name\":\"Orphan\",\"parentbusinessunitid@odata.bind\":\"/businessunits(" + NOWHERE + ")\"}"));
        refused(lab.http().post(admin, "businessunits", "{\"name\":\"Second root\"}"));
        refused(lab.http().patch(admin, IT, parent(NOWHERE)));
        refused(lab.http().patch(admin, IT, parent(DemoOrganisation.businessUnitId("IT"))));
        refused(lab.http().patch(admin, IT, parent(child)));
        refused(lab.http().patch(admin, ROOT, parent(DemoOrganisation.businessUnitId("HR"))));
        refused(lab.http().delete(admin, IT + "/parentbusinessunitid/$ref"));
        refused(lab.http().patch(admin, "systemusers(" + DemoOrganisation.userId("blue") + ")",
                "{\"businessunitid@odata.bind\":\"/businessunits(" + NOWHERE + ")\"}"));
        refused(lab.http().patch(admin, "teams(" + DemoOrganisation.teamId("IT Project 1") + ")",
                "{\"businessunitid@odata.bind\":\"/businessunits(" + NOWHERE + ")\"}"));

        // Nothing changed, and every user's requests are still answered.
        assertThat(lab.http().delete(admin, "businessunits(" + child + ")").status()).isEqualTo(204);
        assertThat(lab.http().get(admin, "businessunits?$select=name,_parentbusinessunitid_value&$orderby=name").body()).isEqualTo(before);
        for (String user : new String[]{"blue", "projectuser"}) {
            LabHttp.Reply list = lab.http().get(lab.http().token(user + "@contoso.test", "demo"), "sensei_projects?$select=sensei_name");
            assertThat(list.status()).as(list.body()).isEqualTo(200);
        }
        assertThat(lab.http().get(admin, "WhoAmI()").status()).isEqualTo(200);
    }

    @Test
    void aValidMoveIsAccepted() {
        String admin = lab.adminToken();
        UUID unit = created(lab.http().post(admin, "businessunits",
                "{\"name\":\"Moving unit\",\"parentbusinessunitid@odata.bind\":\"/" + IT + "\"}"));
        LabHttp.Reply moved = lab.http().patch(admin, "businessunits(" + unit + ")", parent(DemoOrganisation.businessUnitId("HR")));
        assertThat(moved.status()).as(moved.body()).isEqualTo(204);
        assertThat(lab.http().get(admin, "businessunits(" + unit + ")?$select=_parentbusinessunitid_value").json()
                .path("_parentbusinessunitid_value").asText()).isEqualTo(DemoOrganisation.businessUnitId("HR").toString());
        assertThat(lab.http().get(lab.http().token("blue@contoso.test", "demo"), "sensei_projects?$select=sensei_name").status()).isEqualTo(200);
    }

    private static UUID created(LabHttp.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
        String location = reply.header("OData-EntityId");
        return UUID.fromString(location.substring(location.lastIndexOf('(') + 1, location.lastIndexOf(')')));
    }

    private static void refused(LabHttp.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().path("error").path("code").asText()).startsWith("0x");
        assertThat(lab.http().get(lab.adminToken(), "WhoAmI()").status()).as("the API answers after the refusal").isEqualTo(200);
    }
}
