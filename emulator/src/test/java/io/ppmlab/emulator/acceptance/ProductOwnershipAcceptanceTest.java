package io.ppmlab.emulator.acceptance;

import io.ppmlab.datasets.DemoOrganisation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's ownership behaviours through HTTP: a register takes its headline's owner, assigning a
 * headline record carries its registers along (refused whole when the new owner cannot read them), and a
 * delete cascades or is refused by a restricting relationship. Each test works on its own project.
 */
class ProductOwnershipAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static UUID id(String table, String name) { return DemoOrganisation.recordId(table, name); }

    static String token(String user) { return lab.http().token(user + "@contoso.test", "demo"); }

    static String owner(String token, String set, UUID id) {
        LabHttp.Reply r = lab.http().get(token, set + "(" + id + ")?$select=_ownerid_value");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("_ownerid_value").asText();
    }

    static int rename(String token, String set, UUID id) {
        return lab.http().patch(token, set + "(" + id + ")", "{\"sensei_name\":\"renamed " + UUID.randomUUID() + "\"}").status();
    }

    @Test
    void aRiskCreatedUnderAProjectTakesTheProjectTeamAsOwner() {
        String admin = lab.adminToken();
        LabHttp.Reply created = lab.http().post(admin, "sensei_risks?$select=_ownerid_value,_owningbusinessunit_value",
                "{\"sensei_name\":\"Created under HR Project 2\",\"sensei_project@odata.bind\":\"/sensei_projects(" + id("sensei_project", "HR Project 2") + ")\","
                        + "\"ownerid@odata.bind\":\"/systemusers(" + DemoOrganisation.userId("admin") + ")\"}",
                "Prefer", "return=representation");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("_ownerid_value").asText()).isEqualTo(DemoOrganisation.teamId("HR Project 2").toString());
        assertThat(created.json().path("_owningbusinessunit_value").asText()).isEqualTo(DemoOrganisation.businessUnitId("HR").toString());
        UUID risk = UUID.fromString(created.json().path("sensei_riskid").asText());
        // So the project's group (Yellow) can work on it, and Red (same BU, not in the group) only read it.
        assertThat(rename(token("yellow"), "sensei_risks", risk)).isEqualTo(204);
        assertThat(lab.http().get(token("red"), "sensei_risks(" + risk + ")").status()).isEqualTo(200);
        assertThat(rename(token("red"), "sensei_risks", risk)).isEqualTo(403);
    }

    @Test
    void assigningAProjectMovesAllItsRegistersAndTheOldGroupLosesWrite() {
        String admin = lab.adminToken();
        String red = token("red");
        String yellow = token("yellow");
        UUID project = id("sensei_project", "HR Project 1");
        List<String[]> registers = List.of(new String[]{"sensei_risks", "HR Project 1 - Risk 1"}, new String[]{"sensei_issues", "HR Project 1 - Issue 1"},
                new String[]{"sensei_changerequests", "HR Project 1 - Change Request 2"}, new String[]{"sensei_decisions", "HR Project 1 - Decision 1"},
                new String[]{"sensei_actionitems", "HR Project 1 - Action Item 1"}, new String[]{"sensei_deliverables", "HR Project 1 - Deliverable 1"},
                new String[]{"sensei_lessonlearneds", "HR Project 1 - Lesson 1"}, new String[]{"sensei_tasks", "HR Project 1 - Build"});
        UUID issue = id("sensei_issue", "HR Project 1 - Issue 1");
        assertThat(rename(red, "sensei_issues", issue)).isEqualTo(204);
        assertThat(rename(yellow, "sensei_issues", issue)).isEqualTo(403);

        String newOwner = DemoOrganisation.teamId("HR Portfolio 2").toString();
        LabHttp.Reply assign = lab.http().patch(admin, "sensei_projects(" + project + ")", "{\"ownerid@odata.bind\":\"/teams(" + newOwner + ")\"}");
        assertThat(assign.status()).as(assign.body()).isEqualTo(204);

        for (String[] r : registers) {
            String table = r[0].equals("sensei_lessonlearneds") ? "sensei_lessonlearned" : r[0].substring(0, r[0].length() - 1);
            assertThat(owner(admin, r[0], id(table, r[1]))).as(r[1]).isEqualTo(newOwner);
        }
        LabHttp.Reply statuses = lab.http().get(admin, "sensei_statusupdates?$select=_ownerid_value&$filter=_sensei_projectlink_value%20eq%20" + project);
        assertThat(statuses.json().path("value")).hasSize(2).allSatisfy(s -> assertThat(s.path("_ownerid_value").asText()).isEqualTo(newOwner));
        assertThat(owner(admin, "sensei_risks", id("sensei_risk", "HR Project 2 - Risk 1"))).isEqualTo(DemoOrganisation.teamId("HR Project 2").toString());
        // Red (HR Project 1's group) keeps only the read of its business unit; Yellow (HR Portfolio 2's group) now writes.
        assertThat(rename(red, "sensei_issues", issue)).isEqualTo(403);
        assertThat(rename(red, "sensei_projects", project)).isEqualTo(403);
        assertThat(rename(yellow, "sensei_issues", issue)).isEqualTo(204);
    }

    @Test
    void aNewOwnerWhoCannotReadTheRegistersIsRefusedAndNothingMoves() {
        String admin = lab.adminToken();
        UUID project = id("sensei_project", "HR Project 3");
        // The Resource Manager reads every project and task, but no risk, issue or other register.
        LabHttp.Reply assign = lab.http().patch(admin, "sensei_projects(" + project + ")",
                "{\"ownerid@odata.bind\":\"/systemusers(" + DemoOrganisation.userId("resourcemanager") + ")\"}");
        assertThat(assign.status()).as(assign.body()).isEqualTo(403);
        assertThat(assign.errorCode()).isEqualTo("0x80040231");
        assertThat(assign.json().path("error").path("message").asText()).contains("Read Privilege Check For Owner failed");
        String team = DemoOrganisation.teamId("HR Project 3").toString();
        assertThat(owner(admin, "sensei_projects", project)).isEqualTo(team);
        assertThat(owner(admin, "sensei_tasks", id("sensei_task", "HR Project 3 - Build"))).isEqualTo(team);
        assertThat(owner(admin, "sensei_risks", id("sensei_risk", "HR Project 3 - Risk 1"))).isEqualTo(team);
    }

    @Test
    void deletingAProjectDeletesItsRegistersAndClearsReferencesToIt() {
        String admin = lab.adminToken();
        UUID project = id("sensei_project", "IT Project 3");
        assertThat(lab.http().delete(admin, "sensei_projects(" + project + ")").status()).isEqualTo(204);
        for (String[] r : List.of(new String[]{"sensei_risks", "sensei_risk", "IT Project 3 - Risk 2"},
                new String[]{"sensei_tasks", "sensei_task", "IT Project 3 - Design"},
                new String[]{"sensei_dependencies", "sensei_dependency", "IT Project 3 - Dependency 1"})) {
            LabHttp.Reply gone = lab.http().get(admin, r[0] + "(" + id(r[1], r[2]) + ")");
            assertThat(gone.status()).as(r[2]).isEqualTo(404);
        }
        LabHttp.Reply entry = lab.http().get(admin, "sensei_timesheetentries(" + id("sensei_timesheetentry", "Green User - 2025-01-06 - 2025-01-08")
                + ")?$select=_sensei_project_value,_sensei_task_value");
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.json().path("_sensei_project_value").isNull()).isTrue();
        assertThat(entry.json().path("_sensei_task_value").isNull()).isTrue();
    }

    @Test
    void aRestrictingRelationshipRefusesTheDelete() {
        String admin = lab.adminToken();
        UUID calendar = id("sensei_enterprisecalendar", "Contoso Standard");
        LabHttp.Reply refused = lab.http().delete(admin, "sensei_enterprisecalendars(" + calendar + ")");
        assertThat(refused.status()).as(refused.body()).isEqualTo(405);
        assertThat(refused.errorCode()).isEqualTo("0x80040227");
        assertThat(lab.http().get(admin, "sensei_enterprisecalendars(" + calendar + ")").status()).isEqualTo(200);
        LabHttp.Reply team = lab.http().delete(admin, "teams(" + DemoOrganisation.teamId("HR Program 1") + ")");
        assertThat(team.status()).as(team.body()).isEqualTo(405);
        assertThat(team.errorCode()).isEqualTo("0x8004830E");
    }
}
