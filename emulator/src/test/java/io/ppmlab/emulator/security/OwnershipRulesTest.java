package io.ppmlab.emulator.security;

import io.ppmlab.roles.Depth;
import io.ppmlab.roles.TeamInheritance;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.ppmlab.emulator.security.TestOrg.role;
import static io.ppmlab.emulator.security.TestOrg.row;
import static io.ppmlab.roles.Privilege.READ;
import static io.ppmlab.roles.Privilege.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ownership: by the caller or a team the caller is in, in any unit, at any depth. */
class OwnershipRulesTest {
    private final TestOrg org = new TestOrg();
    private final UUID it = org.unit(org.root);
    private final UUID hr = org.unit(org.root);
    private final Principal.User alice = org.user(it);

    @Test
    void theOwnerReachesItsRowInAnyUnitWithUserDepth() {
        org.assign(alice, role("r", "sensei_risk", Depth.USER, READ));
        RowSecurity mine = row("sensei_risk", alice.ref(), hr);
        assertThat(AccessEvaluator.check(org.reach(alice), mine, READ)).isEqualTo(new Decision.Allowed(new Reason.Owner(alice.ref())));
    }

    @Test
    void userDepthDoesNotReachOtherPeoplesRows() {
        org.assign(alice, role("r", "sensei_risk", Depth.USER, READ));
        Principal.User bob = org.user(it);
        Decision d = AccessEvaluator.check(org.reach(alice), row("sensei_risk", bob.ref(), it), READ);
        assertThat(d).isInstanceOf(Decision.Denied.class);
        assertThat(((Decision.Denied) d).kind()).isEqualTo(Decision.DenialKind.OUT_OF_REACH);
    }

    @Test
    void aTeamTheCallerIsInOwnsTheRow() {
        org.assign(alice, role("r", "sensei_project", Depth.USER, READ, WRITE));
        Principal.Team group = org.team(hr, TeamType.AAD_OFFICE, alice);
        RowSecurity project = row("sensei_project", group.ref(), hr);
        assertThat(AccessEvaluator.check(org.reach(alice), project, WRITE)).isEqualTo(new Decision.Allowed(new Reason.TeamOwner(group.id())));
    }

    @Test
    void ownershipStillNeedsThePrivilege() {
        org.assign(alice, role("r", "sensei_project", Depth.USER, READ));
        Decision d = AccessEvaluator.check(org.reach(alice), row("sensei_project", alice.ref(), it), WRITE);
        assertThat(((Decision.Denied) d).kind()).isEqualTo(Decision.DenialKind.MISSING_PRIVILEGE);
    }

    @Test
    void accessTeamsOwnNothingAndHoldNoRoles() {
        org.assign(alice, role("r", "sensei_project", Depth.USER, READ));
        Principal.Team access = org.team(it, TeamType.ACCESS, alice);
        Decision d = AccessEvaluator.check(org.reach(alice), row("sensei_project", access.ref(), it), READ);
        assertThat(d.allowed()).isFalse();
        org.assign(access, role("t", "sensei_project", Depth.ORGANIZATION, READ));
        assertThatThrownBy(org::model).hasMessageContaining("access team cannot hold roles");
    }

    @Test
    void teamOnlyInheritanceCoversOnlyThatTeamsRows() {
        Principal.Team projectTeam = org.team(it, TeamType.OWNER, alice);
        Principal.Team otherTeam = org.team(it, TeamType.OWNER, alice);
        org.assign(projectTeam, role("legacy", TeamInheritance.TEAM_ONLY, "sensei_risk", Depth.USER, READ));
        CallerReach reach = org.reach(alice);
        assertThat(AccessEvaluator.check(reach, row("sensei_risk", projectTeam.ref(), it), READ).allowed()).isTrue();
        assertThat(AccessEvaluator.check(reach, row("sensei_risk", alice.ref(), it), READ).allowed()).isFalse();
        assertThat(AccessEvaluator.check(reach, row("sensei_risk", otherTeam.ref(), it), READ).allowed()).isFalse();
    }

    @Test
    void directBasicInheritanceActsAsTheMembersOwn() {
        Principal.Team projectTeam = org.team(it, TeamType.OWNER, alice);
        Principal.Team otherTeam = org.team(it, TeamType.AAD_SECURITY, alice);
        org.assign(projectTeam, role("modern", TeamInheritance.DIRECT_BASIC_AND_TEAM, "sensei_risk", Depth.USER, READ));
        CallerReach reach = org.reach(alice);
        assertThat(AccessEvaluator.check(reach, row("sensei_risk", alice.ref(), hr), READ).allowed()).isTrue();
        assertThat(AccessEvaluator.check(reach, row("sensei_risk", otherTeam.ref(), hr), READ).allowed()).isTrue();
    }
}
