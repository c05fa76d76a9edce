package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.datasets.DemoOrganisation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Assigned To" through HTTP: an assignee outside the owning group gets that one row (read and write) and
 * nothing else of the project; reassigning moves the share.
 */
class ProductAssignedToAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static final UUID PROJECT = DemoOrganisation.recordId("sensei_project", "HR Project 2");
    static final UUID RISK_1 = DemoOrganisation.recordId("sensei_risk", "HR Project 2 - Risk 1");
    static final UUID RISK_2 = DemoOrganisation.recordId("sensei_risk", "HR Project 2 - Risk 2");

    static String token(String user) { return lab.http().token(user + "@contoso.test", "demo"); }

    static int rename(String token, String set, UUID id) {
        return lab.http().patch(token, set + "(" + id + ")", "{\"sensei_name\":\"renamed " + UUID.randomUUID() + "\"}").status();
    }

    /** The HR business unit's risks in the caller's list of risks. */
    static List<String> hrRisks(String token) {
        LabHttp.Reply list = lab.http().get(token, "sensei_risks?$select=_owningbusinessunit_value");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        String hr = DemoOrganisation.businessUnitId("HR").toString();
        List<String> ids = new ArrayList<>();
        for (JsonNode r : list.json().path("value")) if (r.path("_owningbusinessunit_value").asText().equals(hr)) ids.add(r.path("sensei_riskid").asText());
        return ids;
    }

    @Test
    void redAssignedToARiskOfHrProject2WritesThatRiskOnly() {
        // The demo assigns HR Project 2 - Risk 2 to Red, who is not in the HR Project 2 group.
        String red = token("red");
        assertThat(rename(red, "sensei_risks", RISK_2)).isEqualTo(204);
        assertThat(rename(red, "sensei_risks", RISK_1)).isEqualTo(403);
        assertThat(rename(red, "sensei_projects", PROJECT)).isEqualTo(403);
    }

    @Test
    void anAssigneeFromAnotherBusinessUnitSeesThatRiskAndNothingElseOfTheProjectAndReassigningMovesIt() {
        String admin = lab.adminToken();
        String blue = token("blue");
        assertThat(lab.http().get(blue, "sensei_risks(" + RISK_1 + ")").status()).isEqualTo(403);

        LabHttp.Reply assign = lab.http().patch(admin, "sensei_risks(" + RISK_1 + ")",
                "{\"sensei_assignedto@odata.bind\":\"/systemusers(" + DemoOrganisation.userId("blue") + ")\"}");
        assertThat(assign.status()).as(assign.body()).isEqualTo(204);
        assertThat(lab.http().get(blue, "sensei_risks(" + RISK_1 + ")").status()).isEqualTo(200);
        assertThat(rename(blue, "sensei_risks", RISK_1)).isEqualTo(204);
        assertThat(lab.http().get(blue, "sensei_projects(" + PROJECT + ")").status()).isEqualTo(403);
        assertThat(lab.http().get(blue, "sensei_risks(" + RISK_2 + ")").status()).isEqualTo(403);
        assertThat(lab.http().get(blue, "sensei_issues(" + DemoOrganisation.recordId("sensei_issue", "HR Project 2 - Issue 1") + ")").status()).isEqualTo(403);
        assertThat(hrRisks(blue)).containsExactly(RISK_1.toString());

        LabHttp.Reply reassign = lab.http().patch(admin, "sensei_risks(" + RISK_1 + ")",
                "{\"sensei_assignedto@odata.bind\":\"/systemusers(" + DemoOrganisation.userId("green") + ")\"}");
        assertThat(reassign.status()).as(reassign.body()).isEqualTo(204);
        assertThat(lab.http().get(blue, "sensei_risks(" + RISK_1 + ")").status()).isEqualTo(403);
        assertThat(hrRisks(blue)).isEmpty();
        String green = token("green");
        assertThat(lab.http().get(green, "sensei_risks(" + RISK_1 + ")").status()).isEqualTo(200);
        assertThat(lab.http().get(green, "sensei_projects(" + PROJECT + ")").status()).isEqualTo(403);

        LabHttp.Reply cleared = lab.http().patch(admin, "sensei_risks(" + RISK_1 + ")", "{\"sensei_assignedto@odata.bind\":null}");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(204);
        assertThat(lab.http().get(green, "sensei_risks(" + RISK_1 + ")").status()).isEqualTo(403);
    }
}
