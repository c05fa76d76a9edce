package io.ppmlab.emulator.product;

import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.datasets.Ids;
import io.ppmlab.emulator.errors.DataverseException;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.ppmlab.emulator.product.DemoLab.record;
import static io.ppmlab.emulator.product.DemoLab.ref;
import static io.ppmlab.emulator.product.DemoLab.team;
import static io.ppmlab.emulator.product.DemoLab.user;
import static io.ppmlab.emulator.product.DemoLab.vals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ProductRules over the demo organisation in memory: owner replication, assign and delete cascades,
 * Assigned-To shares and the 250-team limit. Runs once over scans and once over the query engine's indexes.
 */
abstract class ProductRulesContract {
    DemoLab lab;

    abstract boolean indexed();

    @BeforeEach
    void demo() { lab = new DemoLab(indexed()); }

    static EntityRef bu(String name) { return ref("businessunit", DemoOrganisation.businessUnitId(name)); }

    // --- a register takes its headline's owner ---

    @Test
    void aRegisterCreatedUnderAProjectTakesTheProjectsOwnerEvenWhenTheClientNamedAnother() {
        Row risk = lab.create(lab.admin, "sensei_risk", vals("sensei_name", "New risk",
                "sensei_project", record("sensei_project", "HR Project 2"), "ownerid", user("admin")));
        assertThat(risk.ref("ownerid")).isEqualTo(team("HR Project 2"));
        assertThat(risk.ref("owningteam")).isEqualTo(team("HR Project 2"));
        assertThat(risk.get("owninguser")).isNull();
        assertThat(risk.ref("owningbusinessunit")).isEqualTo(bu("HR"));
    }

    @Test
    void theMostSpecificHeadlineWinsAndStatusUpdatesFollowTheirProjectLink() {
        Row issue = lab.create(lab.admin, "sensei_issue", vals("sensei_name", "Program issue",
                "sensei_program", record("sensei_program", "IT Program 3"), "sensei_portfolio", record("sensei_portfolio", "IT Portfolio 2")));
        assertThat(issue.ref("ownerid")).isEqualTo(team("IT Program 3"));
        Row status = lab.create(lab.admin, "sensei_statusupdate", vals("sensei_name", "Status",
                "sensei_projectlink", record("sensei_project", "IT Project 1")));
        assertThat(status.ref("ownerid")).isEqualTo(team("IT Project 1"));
    }

    @Test
    void rowsThatAreNotRegistersKeepTheirOwner() {
        Row project = lab.create(lab.admin, "sensei_project", vals("sensei_name", "P", "sensei_program", record("sensei_program", "HR Program 1")));
        assertThat(project.ref("ownerid")).isEqualTo(user("admin"));
        Row loose = lab.create(lab.admin, "sensei_risk", vals("sensei_name", "No headline"));
        assertThat(loose.ref("ownerid")).isEqualTo(user("admin"));
    }

    @Test
    void aRegisterMovedToAnotherProjectTakesThatProjectsOwner() {
        EntityRef risk = record("sensei_risk", "HR Project 2 - Risk 1");
        Row moved = lab.update(lab.admin, risk, vals("sensei_project", record("sensei_project", "HR Project 1")));
        assertThat(moved.ref("ownerid")).isEqualTo(team("HR Project 1"));
    }

    // --- assign cascades ---

    @Test
    void assigningAProjectMovesEveryRowOfItToTheNewOwner() {
        List<EntityRef> followers = List.of(record("sensei_risk", "HR Project 2 - Risk 1"), record("sensei_issue", "HR Project 2 - Issue 2"),
                record("sensei_changerequest", "HR Project 2 - Change Request 1"), record("sensei_decision", "HR Project 2 - Decision 1"),
                record("sensei_actionitem", "HR Project 2 - Action Item 1"), record("sensei_deliverable", "HR Project 2 - Deliverable 1"),
                record("sensei_task", "HR Project 2 - Build"), record("sensei_keydate", "HR Project 2 - Go live"),
                ref("sensei_resourceassignment", DemoOrganisation.recordId("sensei_resourceassignment", "HR Project 2 - Build - HR Analyst")));
        long versionBefore = (Long) lab.get(followers.get(0)).get("versionnumber");
        lab.update(lab.admin, record("sensei_project", "HR Project 2"), vals("ownerid", team("HR Project 1")));
        for (EntityRef f : followers) {
            assertThat(lab.get(f).ref("ownerid")).as(f.toString()).isEqualTo(team("HR Project 1"));
            assertThat(lab.get(f).ref("owningteam")).as(f.toString()).isEqualTo(team("HR Project 1"));
        }
        assertThat(lab.rows("sensei_statusupdate", "sensei_projectlink", DemoOrganisation.recordId("sensei_project", "HR Project 2")))
                .hasSize(2).allSatisfy(s -> assertThat(s.ref("ownerid")).isEqualTo(team("HR Project 1")));
        assertThat((Long) lab.get(followers.get(0)).get("versionnumber")).isNotEqualTo(versionBefore);
        assertThat(lab.get(followers.get(0)).get("modifiedon")).isEqualTo(lab.clock.instant());
        assertThat(lab.get(record("sensei_risk", "HR Project 1 - Risk 1")).ref("ownerid")).isEqualTo(team("HR Project 1"));
        assertThat(lab.get(record("sensei_risk", "HR Project 3 - Risk 1")).ref("ownerid")).isEqualTo(team("HR Project 3"));
    }

    @Test
    void assigningAProgramMovesItsOwnRegistersButNotItsProjects() {
        lab.update(lab.admin, record("sensei_program", "HR Program 2"), vals("ownerid", user("yellow")));
        assertThat(lab.get(record("sensei_risk", "HR Program 2 - Risk 1")).ref("ownerid")).isEqualTo(user("yellow"));
        assertThat(lab.get(record("sensei_risk", "HR Program 2 - Risk 1")).ref("owninguser")).isEqualTo(user("yellow"));
        assertThat(lab.get(record("sensei_project", "HR Project 2")).ref("ownerid")).isEqualTo(team("HR Project 2"));
        assertThat(lab.get(record("sensei_risk", "HR Project 2 - Risk 1")).ref("ownerid")).isEqualTo(team("HR Project 2"));
    }

    @Test
    void aNewOwnerWithoutReadOnARegisterTableRefusesTheWholeAssign() {
        // The Resource Manager reads projects and tasks but no risks.
        assertThatThrownBy(() -> lab.update(lab.admin, record("sensei_project", "HR Project 2"), vals("ownerid", user("resourcemanager"))))
                .isInstanceOfSatisfying(DataverseException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.PRINCIPAL_PRIVILEGE_DENIED);
                    assertThat(e.code()).isEqualTo("0x80040231");
                    assertThat(e.getMessage()).contains("Read Privilege Check For Owner failed").contains("prvReadsensei_");
                });
        assertThat(lab.get(record("sensei_project", "HR Project 2")).ref("ownerid")).isEqualTo(team("HR Project 2"));
        assertThat(lab.get(record("sensei_task", "HR Project 2 - Build")).ref("ownerid")).isEqualTo(team("HR Project 2"));
    }

    // --- delete cascades ---

    @Test
    void deletingAProjectDeletesItsChildrenClearsReferencesAndRemovesShares() {
        EntityRef project = record("sensei_project", "IT Project 3");
        EntityRef design = record("sensei_task", "IT Project 3 - Design");
        UUID redShare = Ids.of("principalobjectaccess", DemoOrganisation.recordId("sensei_risk", "HR Project 2 - Risk 2") + "|" + DemoOrganisation.userId("red"));
        assertThat(lab.find(ref("principalobjectaccess", redShare))).isPresent();
        lab.delete(lab.admin, project);
        assertThat(lab.find(design)).isEmpty();
        assertThat(lab.find(record("sensei_risk", "IT Project 3 - Risk 1"))).isEmpty();
        assertThat(lab.find(ref("sensei_resourceassignment", DemoOrganisation.recordId("sensei_resourceassignment", "IT Project 3 - Design - IT Developer")))).isEmpty();
        assertThat(lab.rows("sensei_statusupdate", "sensei_projectlink", project.id())).isEmpty();
        // Timesheet entries point at the project and its task referentially: they stay, with the lookups cleared.
        Row entry = lab.get(record("sensei_timesheetentry", "Green User - 2025-01-06 - 2025-01-06"));
        assertThat(entry.get("sensei_project")).isNull();
        assertThat(entry.get("sensei_task")).isNull();
        assertThat(lab.find(record("sensei_project", "IT Project 1"))).isPresent();
        // The program stays; another project's share is untouched.
        assertThat(lab.find(record("sensei_program", "IT Program 3"))).isPresent();
        assertThat(lab.find(ref("principalobjectaccess", redShare))).isPresent();
    }

    @Test
    void deletingARowRemovesItsShares() {
        EntityRef risk = record("sensei_risk", "HR Project 2 - Risk 2");
        assertThat(lab.shares(risk.id())).hasSize(1);
        lab.delete(lab.admin, risk);
        assertThat(lab.shares(risk.id())).isEmpty();
    }

    @Test
    void deletingAProjectClearsADependencyOnItInAnotherProject() {
        EntityRef dependency = record("sensei_dependency", "IT Project 3 - Dependency 1");
        lab.delete(lab.admin, record("sensei_project", "IT Project 1"));
        assertThat(lab.get(dependency).get("sensei_dependsonproject")).isNull();
        assertThat(lab.find(record("sensei_lessonlearned", "IT Project 1 - Lesson 1"))).isEmpty();
    }

    @Test
    void restrictRefusesTheDeleteWhileChildrenExist() {
        EntityRef calendar = record("sensei_enterprisecalendar", "Contoso Standard");
        assertThatThrownBy(() -> lab.delete(lab.admin, calendar)).isInstanceOfSatisfying(DataverseException.class, e -> {
            assertThat(e.status()).isEqualTo(405);
            assertThat(e.code()).isEqualTo("0x80040227");
            assertThat(e.getMessage()).contains("sensei_calendarexception");
        });
        assertThat(lab.find(calendar)).isPresent();
        lab.delete(lab.admin, record("sensei_calendarexception", "New Year's Day 2025"));
        lab.delete(lab.admin, calendar);
        assertThat(lab.get(record("sensei_project", "IT Project 1")).get("sensei_enterprisecalendar")).isNull();
    }

    @Test
    void aBusinessUnitWithUsersCannotBeDeleted() {
        assertThatThrownBy(() -> lab.delete(lab.admin, bu("HR"))).isInstanceOfSatisfying(DataverseException.class,
                e -> assertThat(e.code()).isEqualTo("0x80040227"));
    }

    @Test
    void aTeamThatOwnsRowsCannotBeDeletedAndAnEmptyOneTakesItsMembershipsAndSharesAlong() {
        assertThatThrownBy(() -> lab.delete(lab.admin, team("HR Project 2"))).isInstanceOfSatisfying(DataverseException.class, e -> {
            assertThat(e.status()).isEqualTo(405);
            assertThat(e.code()).isEqualTo("0x8004830E");
        });
        Row empty = lab.create(lab.admin, "team", vals("name", "Empty", "teamtype", 0, "businessunitid", bu("HR")));
        lab.create(lab.admin, "teammembership", vals("systemuserid", user("red"), "teamid", ref("team", empty.id())));
        lab.delete(lab.admin, ref("team", empty.id()));
        assertThat(lab.rows("teammembership", "teamid", empty.id())).isEmpty();
    }

    // --- Assigned To ---

    @Test
    void anAssigneeOutsideTheOwningTeamGetsAReadWriteShareOfThatRowOnly() {
        Row risk = lab.create(lab.admin, "sensei_risk", vals("sensei_name", "Assigned", "sensei_project", record("sensei_project", "HR Project 2"),
                "sensei_assignedto", user("red")));
        List<Row> shares = lab.shares(risk.id());
        assertThat(shares).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(AssignedToShares.shareId(risk.id(), DemoOrganisation.userId("red")));
            assertThat(s.get("principalid")).isEqualTo(DemoOrganisation.userId("red"));
            assertThat(s.get("principaltypecode")).isEqualTo("systemuser");
            assertThat(s.get("objecttypecode")).isEqualTo("sensei_risk");
            assertThat(s.get("accessrightsmask")).isEqualTo(DemoOrganisation.ASSIGNED_TO_SHARE_MASK);
        });
    }

    @Test
    void aMemberOfTheOwningTeamOrTheOwnerGetsNoShare() {
        Row risk = lab.create(lab.admin, "sensei_risk", vals("sensei_name", "Yellow's", "sensei_project", record("sensei_project", "HR Project 2"),
                "sensei_assignedto", user("yellow")));
        assertThat(lab.shares(risk.id())).isEmpty();
        Row own = lab.create(lab.admin, "sensei_risk", vals("sensei_name", "Mine", "ownerid", user("admin"), "sensei_assignedto", user("admin")));
        assertThat(lab.shares(own.id())).isEmpty();
    }

    @Test
    void reassigningMovesTheRuleShareAndKeepsAUserMadeOne() {
        Row risk = lab.create(lab.admin, "sensei_risk", vals("sensei_name", "Moving", "sensei_project", record("sensei_project", "HR Project 2"),
                "sensei_assignedto", user("red")));
        UUID userShare = UUID.randomUUID();
        lab.store.put(new Row("principalobjectaccess", userShare, vals("objectid", risk.id(), "objecttypecode", "sensei_risk",
                "principalid", DemoOrganisation.userId("red"), "principaltypecode", "systemuser", "accessrightsmask", 1)));
        lab.update(lab.admin, ref("sensei_risk", risk.id()), vals("sensei_assignedto", user("purple")));
        assertThat(lab.sharedWith(risk.id())).containsExactlyInAnyOrder(DemoOrganisation.userId("red"), DemoOrganisation.userId("purple"));
        assertThat(lab.find(ref("principalobjectaccess", userShare))).isPresent();
        assertThat(lab.find(ref("principalobjectaccess", AssignedToShares.shareId(risk.id(), DemoOrganisation.userId("red"))))).isEmpty();
        lab.update(lab.admin, ref("sensei_risk", risk.id()), vals("sensei_assignedto", user("yellow")));
        assertThat(lab.sharedWith(risk.id())).containsExactly(DemoOrganisation.userId("red"));
        lab.update(lab.admin, ref("sensei_risk", risk.id()), vals("sensei_assignedto", user("green")));
        lab.update(lab.admin, ref("sensei_risk", risk.id()), vals("sensei_assignedto", null));
        assertThat(lab.sharedWith(risk.id())).containsExactly(DemoOrganisation.userId("red"));
    }

    @Test
    void theDemosSeededShareCountsAsTheRulesAndMovesOnReassign() {
        EntityRef risk = record("sensei_risk", "HR Project 2 - Risk 2");
        assertThat(lab.sharedWith(risk.id())).containsExactly(DemoOrganisation.userId("red"));
        lab.update(lab.admin, risk, vals("sensei_assignedto", user("green")));
        assertThat(lab.sharedWith(risk.id())).containsExactly(DemoOrganisation.userId("green"));
    }

    @Test
    void anAssignRecomputesAssignedToShares() {
        // HR Project 2 goes to the HR Project 1 team: Red is in it (no share needed), Yellow is not (now needs one).
        lab.update(lab.admin, record("sensei_project", "HR Project 2"), vals("ownerid", team("HR Project 1")));
        assertThat(lab.shares(DemoOrganisation.recordId("sensei_risk", "HR Project 2 - Risk 2"))).isEmpty();
        assertThat(lab.sharedWith(DemoOrganisation.recordId("sensei_risk", "HR Project 2 - Risk 1"))).containsExactly(DemoOrganisation.userId("yellow"));
    }

    // --- the 250 group-team limit ---

    @Test
    void aUserAdministersAtMost250GroupTeams() {
        for (int i = 1; i <= GroupAdministratorLimit.LIMIT; i++) {
            lab.create(lab.admin, "team", vals("name", "Group " + i, "teamtype", 3, "businessunitid", bu("IT"), "administratorid", user("blue")));
        }
        lab.create(lab.admin, "team", vals("name", "Owner team", "teamtype", 0, "businessunitid", bu("IT"), "administratorid", user("blue")));
        assertThatThrownBy(() -> lab.create(lab.admin, "team", vals("name", "Group 251", "teamtype", 3, "businessunitid", bu("IT"),
                "administratorid", user("blue")))).isInstanceOfSatisfying(DataverseException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("0x80040265");
                    assertThat(e.getMessage()).contains("at most 250");
                });
        assertThatThrownBy(() -> lab.update(lab.admin, team("IT Project 1"), vals("administratorid", user("blue"))))
                .isInstanceOfSatisfying(DataverseException.class, e -> assertThat(e.code()).isEqualTo("0x80040265"));
        // Changing something else on one of Blue's 250 is fine; so is giving the 251st to someone else.
        UUID first = lab.rows("team", "administratorid", DemoOrganisation.userId("blue")).get(0).id();
        lab.update(lab.admin, ref("team", first), vals("description", "renamed"));
        lab.create(lab.admin, "team", vals("name", "Group 251", "teamtype", 3, "businessunitid", bu("IT"), "administratorid", user("green")));
    }
}
