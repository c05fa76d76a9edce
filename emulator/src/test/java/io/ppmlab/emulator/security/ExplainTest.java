package io.ppmlab.emulator.security;

import io.ppmlab.roles.Depth;
import io.ppmlab.roles.Privilege;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static io.ppmlab.emulator.security.TestOrg.role;
import static io.ppmlab.emulator.security.TestOrg.row;
import static io.ppmlab.roles.Privilege.READ;
import static io.ppmlab.roles.Privilege.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

class ExplainTest {
    @Test
    void everyRightWithItsGrantsAndEveryReason() {
        TestOrg org = new TestOrg();
        UUID it = org.unit(org.root);
        Principal.User alice = org.user(it);
        Principal.Team group = org.team(it, TeamType.AAD_OFFICE, alice);
        org.assign(alice, role("reader", "sensei_project", Depth.BUSINESS_UNIT, READ));
        org.assign(group, role("writer", "sensei_project", Depth.USER, READ, WRITE));
        RowSecurity project = row("sensei_project", group.ref(), it);
        org.share(project, alice.ref(), READ);

        Explanation e = AccessEvaluator.explain(org.model(), alice.id(), project);

        assertThat(e.rights()).hasSize(8);
        Explanation.Right read = e.right(READ);
        assertThat(read.decision()).isEqualTo(new Decision.Allowed(new Reason.TeamOwner(group.id())));
        assertThat(read.grants()).extracting(Grant::roleName).containsExactly("reader", "writer");
        assertThat(read.grants().get(1).via()).isEqualTo(group.ref());
        assertThat(read.reasons()).containsExactly(new Reason.TeamOwner(group.id()),
                new Reason.RoleDepth("reader", Depth.BUSINESS_UNIT, it), new Reason.Shared(alice.ref(), Set.of(READ), false));
        assertThat(read.reasons()).allSatisfy(r -> assertThat(r.describe()).isNotBlank());
        Explanation.Right delete = e.right(Privilege.DELETE);
        assertThat(delete.decision().allowed()).isFalse();
        assertThat(delete.grants()).isEmpty();
    }
}
