package io.ppmlab.emulator.security;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caller reaches for the current model version. A newer model drops every cached reach at once;
 * an older one (a request that started before a change) is served without being cached.
 */
public final class ReachCache {
    private record Generation(long version, ConcurrentHashMap<UUID, CallerReach> reaches) {}

    private volatile Generation current = new Generation(Long.MIN_VALUE, new ConcurrentHashMap<>());

    public CallerReach reachOf(SecurityModel model, UUID userId) {
        Generation g = current;
        if (model.version() < g.version()) return CallerReach.of(model, userId);
        if (model.version() > g.version()) g = advance(model.version());
        if (g.version() != model.version()) return CallerReach.of(model, userId);
        return g.reaches().computeIfAbsent(userId, id -> CallerReach.of(model, id));
    }

    public int size() { return current.reaches().size(); }

    private synchronized Generation advance(long version) {
        if (current.version() < version) current = new Generation(version, new ConcurrentHashMap<>());
        return current;
    }
}
