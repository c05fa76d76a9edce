package io.ppmlab.emulator.security;

import io.ppmlab.roles.Depth;
import io.ppmlab.roles.Privilege;
import io.ppmlab.schema.EntityRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static io.ppmlab.emulator.security.TestOrg.role;
import static io.ppmlab.emulator.security.TestOrg.row;
import static io.ppmlab.roles.Privilege.READ;
import static io.ppmlab.roles.Privilege.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

/** Shares reach a row for the user, its teams (access teams too) or everyone, directly or through a parent. */
class ShareRulesTest {
    private final TestOrg org = new TestOrg();
    private final UUID it = org.unit(org.root);
    private final Principal.User alice = org.user(it);
    private final Principal.User owner = org.user(it);
    private final RowSecurity risk = row("sensei_risk", owner.ref(), it);

    @BeforeEach
    void basicReadAndWrite() {
        org.assign(alice, role("basic", "sensei_risk", Depth.USER, READ, WRITE));
    }

    private Decision check(RowSecurity row, Privilege p) { return AccessEvaluator.check(org.reach(alice), row, p); }

    @Test
    void sharedWithTheUser() {
        org.share(risk, alice.ref(), READ);
        assertThat(check(risk, READ)).isEqualTo(new Decision.Allowed(new Reason.Shared(alice.ref(), Set.of(READ), false)));
        assertThat(((Decision.Denied) check(risk, WRITE)).kind()).isEqualTo(Decision.DenialKind.OUT_OF_REACH);
    }

    @Test
    void sharedWithATeamOfTheUserIncludingAccessTeams() {
        Principal.Team access = org.team(it, TeamType.ACCESS, alice);
        org.share(risk, access.ref(), READ, WRITE);
        assertThat(check(risk, WRITE)).isEqualTo(new Decision.Allowed(new Reason.Shared(access.ref(), Set.of(READ, WRITE), false)));
    }

    @Test
    void sharedWithTheOrganization() {
        org.share(risk, new EntityRef("organization", org.organizationId), READ);
        assertThat(check(risk, READ).allowed()).isTrue();
    }

    @Test
    void sharedWithSomeoneElseDoesNotCount() {
        org.share(risk, org.user(it).ref(), READ);
        assertThat(check(risk, READ).allowed()).isFalse();
    }

    @Test
    void inheritedThroughAParentRow() {
        RowSecurity project = row("sensei_project", owner.ref(), it);
        RowSecurity child = row("sensei_risk", owner.ref(), it, project.ref());
        org.share(project, alice.ref(), READ);
        assertThat(check(child, READ)).isEqualTo(new Decision.Allowed(new Reason.Shared(alice.ref(), Set.of(READ), true)));
    }

    @Test
    void inheritedShareRecordedOnTheRow() {
        RowSecurity project = row("sensei_project", owner.ref(), it);
        org.shares.add(new Share(risk.table(), risk.rowId(), alice.ref(), Set.of(READ), true, project.ref()));
        assertThat(check(risk, READ)).isEqualTo(new Decision.Allowed(new Reason.Shared(alice.ref(), Set.of(READ), true)));
    }

    @Test
    void aShareNeverGrantsMoreThanTheRolesHold() {
        org.share(risk, alice.ref(), READ, WRITE, Privilege.DELETE);
        Decision d = check(risk, Privilege.DELETE);
        assertThat(((Decision.Denied) d).kind()).isEqualTo(Decision.DenialKind.MISSING_PRIVILEGE);
        assertThat(((Decision.Denied) d).message()).contains("is missing prvDeletesensei_risk privilege");
    }

    @Test
    void aShareWithoutAnyRoleGivesNothing() {
        Principal.User carol = org.user(it);
        org.share(risk, carol.ref(), READ);
        assertThat(AccessEvaluator.check(org.reach(carol), risk, READ).allowed()).isFalse();
    }

    @Test
    void theOwnerIsReportedBeforeAShare() {
        RowSecurity mine = row("sensei_risk", alice.ref(), it);
        org.share(mine, alice.ref(), READ);
        assertThat(AccessEvaluator.reasons(org.reach(alice), mine, READ))
                .containsExactly(new Reason.Owner(alice.ref()), new Reason.Shared(alice.ref(), Set.of(READ), false));
    }
}
