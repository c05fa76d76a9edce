package io.ppmlab.emulator.access;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.cost.WorkScope;
import io.ppmlab.emulator.security.CallerReach;
import io.ppmlab.emulator.security.Impersonation;
import io.ppmlab.emulator.security.ReachCache;
import io.ppmlab.emulator.security.SecurityModel;
import io.ppmlab.emulator.store.Store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The current {@link SecurityModel} and the per-user reach cache. A write to a security table marks the
 * model stale; the next request rebuilds it once (a new version invalidates every cached reach).
 */
public final class SecurityState {
    private final Store store;
    private final SecurityModelLoader loader;
    private final ReachCache reaches = new ReachCache();
    private final AtomicLong versions = new AtomicLong();
    /** Counts invalidations; the model is current when it was loaded at or after the latest one. */
    private final AtomicLong changes = new AtomicLong(1);
    private volatile long loadedAt;
    private volatile SecurityModel model;

    public SecurityState(Store store, SecurityModelLoader loader) {
        this.store = store;
        this.loader = loader;
    }

    public void invalidate() { changes.incrementAndGet(); }

    /** How many times the security tables were written: a version for caches of what they hold. */
    public long changes() { return changes.get(); }

    /**
     * The current model. Concurrent callers wait for one rebuild instead of seeing a model older than
     * their own last write; an invalidation during a rebuild triggers another.
     */
    public SecurityModel model() {
        long wanted = changes.get();
        if (loadedAt < wanted) {
            synchronized (this) {
                if (loadedAt < wanted) {
                    long target = changes.get();
                    SecurityModel fresh;
                    try (WorkScope.Open uncounted = WorkScope.paused()) { // a shared cache: charged to no request
                        fresh = loader.load(store, versions.incrementAndGet());
                    }
                    model = fresh;
                    loadedAt = target;
                }
            }
        }
        return model;
    }

    /** The caller's reach; when impersonating, the intersection with the real caller's privileges. */
    public CallerReach reach(Caller caller) {
        SecurityModel m = model();
        CallerReach acting = reaches.reachOf(m, caller.userId());
        if (caller.realCaller().isEmpty()) return acting;
        return Impersonation.intersect(reaches.reachOf(m, caller.realCaller().get()), acting);
    }

    public CallerReach reachOf(java.util.UUID userId) { return reaches.reachOf(model(), userId); }
}
