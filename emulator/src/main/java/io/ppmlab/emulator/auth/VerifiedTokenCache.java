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

    /**
     * A token as a map key, hashed on its last characters (the signature, unique per token) instead of all
     * of its ~1 KB: String.hashCode of a fresh header value showed as 8 % of a retrieve. Equality stays
     * the whole text.
     */
    private record Key(String token) {
        @Override
        public int hashCode() {
            int h = 0;
            for (int i = Math.max(0, token.length() - 32); i < token.length(); i++) h = 31 * h + token.charAt(i);
            return h;
        }

        @Override
        public boolean equals(Object o) { return o instanceof Key k && k.token.equals(token); }
    }

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final Duration clockSkew;

    VerifiedTokenCache(int capacity, Duration clockSkew) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.capacity = capacity;
        this.clockSkew = clockSkew;
    }

    Entry get(String token) {
        return entries.get(new Key(token));
    }

    void remove(String token) {
        entries.remove(new Key(token));
    }

    /** Racing writers may overshoot the capacity by a few entries, which a bound of thousands does not mind. */
    void put(String token, Entry entry, Instant now) {
        if (entries.size() >= capacity) makeRoom(now);
        entries.put(new Key(token), entry);
    }

    int size() {
        return entries.size();
    }

    // A concurrent map keeps no recency order, so instead of LRU: drop what can never be valid again,
    // then, if still full, an arbitrary tenth; a dropped live token only costs one more RSA check.
    private void makeRoom(Instant now) {
        entries.values().removeIf(e -> now.isAfter(e.verified().expiresAt().plus(clockSkew)));
        int target = capacity - Math.max(1, capacity / 10);
        Iterator<Key> it = entries.keySet().iterator();
        while (entries.size() > target && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
