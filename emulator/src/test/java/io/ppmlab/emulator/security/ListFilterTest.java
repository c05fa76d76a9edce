package io.ppmlab.emulator.security;

import io.ppmlab.roles.Depth;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.ppmlab.emulator.security.TestOrg.role;
import static io.ppmlab.emulator.security.TestOrg.row;
import static io.ppmlab.roles.Privilege.READ;
import static org.assertj.core.api.Assertions.assertThat;

class ListFilterTest {
    private final TestOrg org = new TestOrg();
    private final UUID it = org.unit(org.root);
    private final UUID hr = org.unit(org.root);
    private final Principal.User alice = org.user(it);
    private final Principal.User bob = org.user(hr);

    @Test
    void scopeListsOwnersUnitsAndSharedRows() {
        Principal.Team group = org.team(hr, TeamType.AAD_OFFICE, alice);
        org.assign(alice, role("r", "sensei_project", Depth.BUSINESS_UNIT, READ));
        RowSecurity shared = row("sensei_project", bob.ref(), hr);
        RowSecurity parent = row("sensei_portfolio", bob.ref(), hr);
        org.share(shared, alice.ref(), READ);
        org.share(parent, alice.ref(), READ);
        ReadScope scope = ListFilter.readScope(org.reach(alice), "sensei_project");
        assertThat(scope.all()).isFalse();
        assertThat(scope.ownerIds()).containsExactlyInAnyOrder(alice.id(), group.id());
        assertThat(scope.businessUnits()).containsExactly(it);
        assertThat(scope.sharedRowIds()).containsExactly(shared.rowId());
        assertThat(scope.sharedParents()).contains(parent.ref());
        assertThat(scope.canRead(row("sensei_project", bob.ref(), hr, parent.ref()))).isTrue();
        assertThat(scope.canRead(row("sensei_project", bob.ref(), hr))).isFalse();
    }

    @Test
    void missingPrivilegeMeansAnEmptyScopeAndOrganizationMeansAll() {
        org.assign(alice, role("r", "sensei_risk", Depth.ORGANIZATION, READ));
        CallerReach reach = org.reach(alice);
        assertThat(ListFilter.readScope(reach, "sensei_project").isEmpty()).isTrue();
        assertThat(ListFilter.readScope(reach, "sensei_risk").all()).isTrue();
    }

    @Test
    void reachesAreCachedPerModelVersion() {
        org.assign(alice, role("r", "sensei_risk", Depth.ORGANIZATION, READ));
        ReachCache cache = new ReachCache();
        SecurityModel v1 = org.model();
        CallerReach first = cache.reachOf(v1, alice.id());
        assertThat(cache.reachOf(v1, alice.id())).isSameAs(first);
        SecurityModel v2 = org.model();
        CallerReach second = cache.reachOf(v2, alice.id());
        assertThat(second).isNotSameAs(first);
        assertThat(second.modelVersion()).isEqualTo(v2.version());
        assertThat(cache.reachOf(v1, alice.id()).modelVersion()).isEqualTo(v1.version());
        assertThat(cache.reachOf(v2, alice.id())).isSameAs(second);
    }
}
