package io.ppmlab.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

    @Test
    void staysWithinItsCapacity() {
        VerifiedTokenCache cache = new VerifiedTokenCache(50, Duration.ZERO);
        for (int i = 0; i < 1_000; i++) cache.put("token-" + i, entry(NOW.plusSeconds(3600)), NOW);

        assertThat(cache.size()).isLessThanOrEqualTo(50);
        assertThat(cache.get("token-999")).isNotNull(); // the newest always gets in
    }

    @Test
    void expiredEntriesGoFirst() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, Duration.ZERO);
        for (int i = 0; i < 5; i++) cache.put("stale-" + i, entry(NOW.minusSeconds(1)), NOW);
        for (int i = 0; i < 5; i++) cache.put("live-" + i, entry(NOW.plusSeconds(3600)), NOW);

        cache.put("one-more", entry(NOW.plusSeconds(3600)), NOW);

        assertThat(cache.size()).isEqualTo(6);
        for (int i = 0; i < 5; i++) assertThat(cache.get("live-" + i)).isNotNull();
    }

    @Test
    void tokensAreManyAndVerifyEvenWhenTheCacheIsTiny() {
        AuthFixture f = new AuthFixture();
        TokenVerifier tiny = new TokenVerifier(AuthFixture.KEYS, f.settings, f.clock, 2);
        for (int i = 0; i < 6; i++) {
            assertThat(tiny.verify(f.userToken())).isInstanceOf(Verification.Verified.class);
        }
    }

    private static VerifiedTokenCache.Entry entry(Instant expiresAt) {
        return new VerifiedTokenCache.Entry(new Verification.Verified(UUID.randomUUID(), UUID.randomUUID(), "u@x", null, expiresAt), null);
    }
}
