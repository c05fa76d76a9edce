package io.ppmlab.emulator.access;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.cost.WorkScope;
import io.ppmlab.emulator.security.CallerReach;
import io.ppmlab.emulator.security.Impersonation;
import io.ppmlab.emulator.security.OrderedShare;
import io.ppmlab.emulator.security.ReachCache;
import io.ppmlab.emulator.security.SecurityModel;
import io.ppmlab.emulator.security.Share;
import io.ppmlab.emulator.store.Store;


import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The current {@link SecurityModel} and the per-user reach cache. A write to a security table marks the
 * model stale; the next request rebuilds it once (a new version invalidates every cached reach).
 * Sharing changes most often (every Assigned-To share, every GrantAccess), so a write that touches only
 * PrincipalObjectAccess rows is applied as a delta: those rows are read again and the model is copied with
 * its new shares, instead of reading every security table. Any other security write makes the next rebuild a
 * full one.
 */
public final class SecurityState {
    private final Store store;
    private final SecurityModelLoader loader;
    private final ReachCache reaches = new ReachCache();
    private final AtomicLong versions = new AtomicLong();
    /** Counts changes of either kind; the model is current when it was built at or after the latest one. */
    private final AtomicLong changes = new AtomicLong(1);
    /** Set by a change that is not only sharing; cleared by the full rebuild that reads it. */
    private final AtomicBoolean fullRebuild = new AtomicBoolean(true);
    /** PrincipalObjectAccess rows written since the last rebuild, re-read from the store when applied. */
    private final Set<UUID> changedShareRows = ConcurrentHashMap.newKeySet();
    private final AtomicLong fullRebuilds = new AtomicLong();
    private final AtomicLong shareRebuilds = new AtomicLong();
    private volatile long loadedAt;
    private volatile SecurityModel model;
    /** The model's shares by the PrincipalObjectAccess row they come from, and the next share's order; guarded by {@code this}. */
    private final Map<UUID, OrderedShare> sharesByRow = new HashMap<>();
    private long nextOrder;

    public SecurityState(Store store, SecurityModelLoader loader) {
        this.store = store;
        this.loader = loader;
    }

    /** A security table other than sharing changed: the next rebuild reads every security table. */
    public void invalidate() {
        fullRebuild.set(true);
        changes.incrementAndGet();
    }

    /** These PrincipalObjectAccess rows were written (put or deleted); the store already holds the new state. */
    public void sharesChanged(Collection<UUID> shareRows) {
        changedShareRows.addAll(shareRows);
        changes.incrementAndGet();
    }

    /** How many times the security tables were written: a version for caches of what they hold. */
    public long changes() { return changes.get(); }

    /** Rebuilds so far: full ones, and ones that re-read only the changed shares. */
    public long fullRebuilds() { return fullRebuilds.get(); }

    public long shareRebuilds() { return shareRebuilds.get(); }

    /**
     * The current model. Concurrent callers wait for one rebuild instead of seeing a model older than
     * their own last write; a change during a rebuild triggers another.
     */
    public SecurityModel model() {
        long wanted = changes.get();
        if (loadedAt < wanted) {
            synchronized (this) {
                if (loadedAt < wanted) rebuild();
            }
        }
        return model;
    }

    private void rebuild() {
        long target = changes.get();
        // Taken before reading the store: a write recorded after this is in the store too late to be sure
        // the read saw it, and stays pending for the next rebuild (re-reading a row twice is harmless).
        List<UUID> rows = new ArrayList<>(changedShareRows);
        changedShareRows.removeAll(rows);
        boolean full = fullRebuild.getAndSet(false) || model == null;
        if (!full && rows.isEmpty()) { // their rows were taken by the rebuild before this one
            loadedAt = target;
            return;
        }
        try (WorkScope.Open uncounted = WorkScope.paused()) { // a shared cache: charged to no request
            if (full) {
                SecurityModelLoader.Loaded loaded = loader.loadWithShares(store, versions.incrementAndGet());
                sharesByRow.clear();
                nextOrder = 0;
                // the model numbers its shares in this same order
                loaded.sharesByRow().forEach((row, share) -> sharesByRow.put(row, new OrderedShare(nextOrder++, share)));
                model = loaded.model();
                fullRebuilds.incrementAndGet();
            } else {
                model = model.withSharesOf(versions.incrementAndGet(), reread(rows));
                shareRebuilds.incrementAndGet();
            }
        }
        loadedAt = target;
    }

    /**
     * Reads the changed share rows again and returns the new share lists of the principals they concern (old and new
     * principal alike); updates {@link #sharesByRow}. Costs the changed principals' shares, not every share.
     */
    private Map<UUID, List<OrderedShare>> reread(List<UUID> rows) {
        Map<UUID, List<OrderedShare>> replaced = new HashMap<>();
        for (UUID row : rows) {
            OrderedShare old = sharesByRow.remove(row);
            if (old != null) listOf(replaced, old.share().principal().id()).remove(old);
            Optional<Share> now = store.get("principalobjectaccess", row).flatMap(poa -> SecurityModelLoader.shareUnder(model, poa));
            if (now.isEmpty()) continue;
            OrderedShare placed = new OrderedShare(old != null ? old.order() : nextOrder++, now.get());
            sharesByRow.put(row, placed);
            List<OrderedShare> list = listOf(replaced, placed.share().principal().id());
            int at = Collections.binarySearch(list, placed, BY_ORDER);
            list.add(at < 0 ? -at - 1 : at, placed);
        }
        return replaced;
    }

    private List<OrderedShare> listOf(Map<UUID, List<OrderedShare>> replaced, UUID principal) {
        return replaced.computeIfAbsent(principal, p -> new ArrayList<>(model.sharesOf(p)));
    }

    private static final Comparator<OrderedShare> BY_ORDER = Comparator.comparingLong(OrderedShare::order);

    /** The caller's reach; when impersonating, the intersection with the real caller's privileges. */
    public CallerReach reach(Caller caller) {
        SecurityModel m = model();
        CallerReach acting = reaches.reachOf(m, caller.userId());
        if (caller.realCaller().isEmpty()) return acting;
        return Impersonation.intersect(reaches.reachOf(m, caller.realCaller().get()), acting);
    }

    public CallerReach reachOf(java.util.UUID userId) { return reaches.reachOf(model(), userId); }
}
