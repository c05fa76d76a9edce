package io.ppmlab.emulator.security;

import io.ppmlab.roles.Depth;
import io.ppmlab.roles.Privilege;
import io.ppmlab.roles.RoleCatalog;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.ppmlab.emulator.security.TestOrg.role;
import static io.ppmlab.emulator.security.TestOrg.row;
import static io.ppmlab.roles.Privilege.READ;
import static io.ppmlab.roles.Privilege.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

/** On behalf of another user: checked as that user, with the privileges both hold, at most the caller's depth. */
class ImpersonationTest {
    private final TestOrg org = new TestOrg();
    private final UUID it = org.unit(org.root);
    private final UUID hr = org.unit(org.root);
    private final Principal.User service = org.user(org.root);
    private final Principal.User alice = org.user(it);
    private final Principal.User bob = org.user(it);

    private CallerReach asAlice() {
        SecurityModel model = org.model();
        return Impersonation.intersect(CallerReach.of(model, service.id()), CallerReach.of(model, alice.id()));
    }

    @Test
    void privilegesAreTheIntersection() {
        org.assign(service, role("svc", "sensei_project", Depth.ORGANIZATION, READ));
        org.assign(alice, role("alice", "sensei_project", Depth.BUSINESS_UNIT, READ, WRITE));
        CallerReach reach = asAlice();
        RowSecurity itProject = row("sensei_project", bob.ref(), it);
        assertThat(AccessEvaluator.check(reach, itProject, READ).allowed()).isTrue();
        Decision write = AccessEvaluator.check(reach, itProject, WRITE);
        assertThat(((Decision.Denied) write).kind()).isEqualTo(Decision.DenialKind.MISSING_PRIVILEGE);
        assertThat(((Decision.Denied) write).message()).contains("Id=" + alice.id()).endsWith("context.Caller=" + service.id());
        // Evaluated as Alice: the service's Organization depth does not widen Alice's Business Unit reach.
        assertThat(AccessEvaluator.check(reach, row("sensei_project", bob.ref(), hr), READ).allowed()).isFalse();
    }

    @Test
    void depthIsCutToTheCallers() {
        org.assign(service, role("svc", "sensei_project", Depth.USER, READ));
        org.assign(alice, role("alice", "sensei_project", Depth.ORGANIZATION, READ));
        CallerReach reach = asAlice();
        assertThat(AccessEvaluator.check(reach, row("sensei_project", alice.ref(), hr), READ).allowed()).isTrue();
        assertThat(AccessEvaluator.check(reach, row("sensei_project", bob.ref(), it), READ).allowed()).isFalse();
        assertThat(ReferenceEvaluator.check(org.model(), service.id(), alice.id(), row("sensei_project", bob.ref(), it), READ).allowed()).isFalse();
    }

    @Test
    void onlyHoldersOfActOnBehalfMayImpersonate() {
        RoleCatalog catalog = RoleCatalog.loadDefault();
        org.assign(service, catalog.get("Admin User"));
        org.assign(alice, catalog.get("Portfolio Manager"));
        SecurityModel model = org.model();
        assertThat(Impersonation.canActOnBehalf(CallerReach.of(model, service.id()))).isTrue();
        assertThat(Impersonation.canActOnBehalf(CallerReach.of(model, alice.id()))).isFalse();
        CallerReach asAlice = Impersonation.intersect(CallerReach.of(model, service.id()), CallerReach.of(model, alice.id()));
        assertThat(Impersonation.canActOnBehalf(asAlice)).isFalse();
        assertThat(asAlice.depth("sensei_portfolio", Privilege.READ)).isEqualTo(Depth.USER);
    }
}
