package io.ppmlab.emulator.security;

import io.ppmlab.roles.Depth;
import io.ppmlab.roles.TeamInheritance;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.ppmlab.emulator.security.TestOrg.role;
import static io.ppmlab.emulator.security.TestOrg.row;
import static io.ppmlab.roles.Privilege.READ;
import static org.assertj.core.api.Assertions.assertThat;

/** Local, Deep and Global depth, measured from the unit the role comes from. */
class DepthRulesTest {
    private final TestOrg org = new TestOrg();
    private final UUID it = org.unit(org.root);
    private final UUID itApps = org.unit(it);
    private final UUID hr = org.unit(org.root);
    private final Principal.User alice = org.user(it);
    private final Principal.User bob = org.user(hr);

    private boolean reads(UUID unit) {
        return AccessEvaluator.check(org.reach(alice), row("sensei_project", bob.ref(), unit), READ).allowed();
    }

    @Test
    void businessUnitDepthCoversTheRolesUnitOnly() {
        org.assign(alice, role("local", "sensei_project", Depth.BUSINESS_UNIT, READ));
        assertThat(reads(it)).isTrue();
        assertThat(reads(itApps)).isFalse();
        assertThat(reads(hr)).isFalse();
        assertThat(reads(org.root)).isFalse();
        RowSecurity r = row("sensei_project", bob.ref(), it);
        assertThat(AccessEvaluator.check(org.reach(alice), r, READ))
                .isEqualTo(new Decision.Allowed(new Reason.RoleDepth("local", Depth.BUSINESS_UNIT, it)));
    }

    @Test
    void parentChildDepthCoversTheSubtree() {
        org.assign(alice, role("deep", "sensei_project", Depth.PARENT_CHILD, READ));
        assertThat(reads(it)).isTrue();
        assertThat(reads(itApps)).isTrue();
        assertThat(reads(hr)).isFalse();
        assertThat(reads(org.root)).isFalse();
    }

    @Test
    void organizationDepthCoversEverything() {
        org.assign(alice, role("global", "sensei_project", Depth.ORGANIZATION, READ));
        assertThat(reads(hr)).isTrue();
        assertThat(AccessEvaluator.check(org.reach(alice), row("sensei_project", null, null), READ))
                .isEqualTo(new Decision.Allowed(new Reason.OrganizationDepth("global")));
    }

    @Test
    void aRoleFromAnotherUnitReachesThatUnit() {
        org.assign(alice, role("local", "sensei_project", Depth.BUSINESS_UNIT, READ), hr);
        assertThat(reads(hr)).isTrue();
        assertThat(reads(it)).isFalse();
    }

    @Test
    void aTeamsRoleAppliesFromTheTeamsUnit() {
        Principal.Team hrGroup = org.team(hr, TeamType.AAD_OFFICE, alice);
        org.assign(hrGroup, role("local", "sensei_project", Depth.BUSINESS_UNIT, READ));
        assertThat(reads(hr)).isTrue();
        assertThat(reads(it)).isFalse();
    }

    @Test
    void teamOnlyRolesStillReachTheirUnitAtLocalDepth() {
        Principal.Team hrTeam = org.team(hr, TeamType.OWNER, alice);
        org.assign(hrTeam, role("legacy", TeamInheritance.TEAM_ONLY, "sensei_project", Depth.BUSINESS_UNIT, READ));
        assertThat(reads(hr)).isTrue();
        assertThat(AccessEvaluator.check(org.reach(alice), row("sensei_project", alice.ref(), it), READ).allowed()).isFalse();
    }

    @Test
    void theBroadestDepthWinsAcrossRoles() {
        org.assign(alice, role("basic", "sensei_project", Depth.USER, READ));
        org.assign(alice, role("deep", "sensei_project", Depth.PARENT_CHILD, READ));
        assertThat(org.reach(alice).depth("sensei_project", READ)).isEqualTo(Depth.PARENT_CHILD);
        assertThat(reads(itApps)).isTrue();
    }
}
