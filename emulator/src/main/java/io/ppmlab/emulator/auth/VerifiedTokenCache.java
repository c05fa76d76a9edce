package io.ppmlab.emulator.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verified tokens by their exact text, so a client reusing a token costs one RSA check per token
 * rather than one per request. Holds only verified tokens: the caller still checks their times on
 * every hit, because the emulator clock moves (and may move back).
 */
final class VerifiedTokenCache {

    record Entry(Verification.Verified verified, Instant notBefore) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final Duration clockSkew;

    VerifiedTokenCache(int capacity, Duration clockSkew) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.capacity = capacity;
        this.clockSkew = clockSkew;
    }

    Entry get(String token) {
        return entries.get(token);
    }

    void remove(String token) {
        entries.remove(token);
    }

    /** Racing writers may overshoot the capacity by a few entries, which a bound of thousands does not mind. */
    void put(String token, Entry entry, Instant now) {
        if (entries.size() >= capacity) makeRoom(now);
        entries.put(token, entry);
    }

    int size() {
        return entries.size();
    }

    // A concurrent map keeps no recency order, so instead of LRU: drop what can never be valid again,
    // then, if still full, an arbitrary tenth; a dropped live token only costs one more RSA check.
    private void makeRoom(Instant now) {
        entries.values().removeIf(e -> now.isAfter(e.verified().expiresAt().plus(clockSkew)));
        int target = capacity - Math.max(1, capacity / 10);
        Iterator<String> it = entries.keySet().iterator();
        while (entries.size() > target && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
