package io.ppmlab.emulator.protection;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The limiter on a hand-driven monotonic clock: facets, blocks, recovery, escalation, servers. */
class ServiceProtectionTest {
    static final long S = 1_000_000_000L;
    final AtomicLong now = new AtomicLong(1_000 * S);
    final UUID user = UUID.randomUUID();

    ServiceProtection limiter(int requests, long executionMs, int concurrency, Duration escalation, int servers) {
        return new ServiceProtection(new ProtectionSettings(true, requests, Duration.ofSeconds(60), executionMs, concurrency, escalation, servers), now::get);
    }

    @Test
    void requestFacetRefusesTheRequestAfterTheLimitUntilTheWindowHasDrained() {
        ServiceProtection sp = limiter(10, 1_000_000, 100, Duration.ZERO, 1);
        for (int i = 0; i < 10; i++) {
            try (Admission a = sp.admit(user, 0)) {
                assertThat(a.refused()).isFalse();
                assertThat(a.requestsLeft()).isEqualTo(9 - i);
            }
            now.addAndGet(S);
        }
        Admission refused = sp.admit(user, 0);
        assertThat(refused.refusedBy()).isEqualTo(Facet.REQUESTS);
        // the first request leaves the 60 s window 60 s after it was made; 10 s have passed
        assertThat(refused.retryAfterSeconds()).isBetween(50L, 51L);
        now.addAndGet(refused.retryAfterSeconds() * S);
        assertThat(sp.admit(user, 0).refused()).as("recovered after Retry-After").isFalse();
    }

    @Test
    void retryAfterGrowsWhileTheClientKeepsPushing() {
        ServiceProtection sp = limiter(5, 1_000_000, 100, Duration.ofSeconds(2), 1);
        for (int i = 0; i < 5; i++) sp.admit(user, 0).close();
        now.addAndGet(50 * S);
        long first = sp.admit(user, 0).retryAfterSeconds();
        assertThat(first).isBetween(10L, 11L);
        long second = sp.admit(user, 0).retryAfterSeconds();
        long third = sp.admit(user, 0).retryAfterSeconds();
        assertThat(second).isEqualTo(first + 2);
        assertThat(third).isEqualTo(first + 4);
        // capped at two windows
        for (int i = 0; i < 100; i++) sp.admit(user, 0);
        assertThat(sp.admit(user, 0).retryAfterSeconds()).isEqualTo(120);
    }

    @Test
    void executionTimeFacetBitesAfterTheBudgetIsSpentAndOvershootIsAllowed() {
        ServiceProtection sp = limiter(1000, 1_000, 100, Duration.ZERO, 1);
        Admission a = sp.admit(user, 0);
        Admission b = sp.admit(user, 0); // admitted while a runs: both may overshoot the budget
        a.charge(700);
        b.charge(700);
        a.close();
        b.close();
        assertThat(b.secondsLeft()).isZero();
        Admission refused = sp.admit(user, 0);
        assertThat(refused.refusedBy()).isEqualTo(Facet.EXECUTION_TIME);
        assertThat(refused.retryAfterSeconds()).isEqualTo(60);
    }

    @Test
    void concurrencyFacetRefusesAtOnceAndFreesThePlaceWhenARequestEnds() {
        ServiceProtection sp = limiter(1000, 1_000_000, 2, Duration.ofSeconds(5), 1);
        Admission a = sp.admit(user, 0);
        Admission b = sp.admit(user, 0);
        Admission c = sp.admit(user, 0);
        assertThat(c.refusedBy()).isEqualTo(Facet.CONCURRENCY);
        assertThat(c.retryAfterSeconds()).isEqualTo(1);
        a.close();
        a.close(); // idempotent
        assertThat(sp.inFlight(user, 0)).isEqualTo(1);
        Admission d = sp.admit(user, 0);
        assertThat(d.refused()).as("no block after a concurrency refusal").isFalse();
        b.close();
        d.close();
    }

    @Test
    void eachWebServerKeepsItsOwnCountersAndUsersAreIndependent() {
        ServiceProtection sp = limiter(3, 1_000_000, 100, Duration.ZERO, 2);
        for (int i = 0; i < 3; i++) sp.admit(user, 0).close();
        assertThat(sp.admit(user, 0).refused()).isTrue();
        assertThat(sp.admit(user, 1).refused()).isFalse();
        assertThat(sp.admit(UUID.randomUUID(), 0).refused()).isFalse();
    }

    @Test
    void offAdmitsEverythingAndReportsTheFullBudget() {
        ServiceProtection sp = new ServiceProtection(ProtectionSettings.DATAVERSE.off(), now::get);
        for (int i = 0; i < 10_000; i++) {
            Admission a = sp.admit(user, 0);
            assertThat(a.refused()).isFalse();
            a.charge(1_000);
            a.close();
        }
        Admission a = sp.admit(user, 0);
        assertThat(a.requestsLeft()).isEqualTo(6000);
        assertThat(a.secondsLeft()).isEqualTo(1200.0);
    }

    @Test
    void affinityCookieNamesTheServerAndUnknownValuesAreSpread() {
        WebServers servers = new WebServers(3);
        assertThat(servers.pick(java.util.Optional.of("a=b; ARRAffinity=lab-ws-2; c=d"))).isEqualTo(2);
        int x = servers.pick(java.util.Optional.empty());
        int y = servers.pick(java.util.Optional.of("ARRAffinity=lab-ws-9"));
        int z = servers.pick(java.util.Optional.of("ARRAffinity=garbage"));
        assertThat(java.util.Set.of(x, y, z)).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(servers.setCookie(1)).isEqualTo("ARRAffinity=lab-ws-1; Path=/; HttpOnly");
    }
}
