package io.ppmlab.emulator.query.index;

import java.util.Iterator;
import java.util.NavigableSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Row ids in id order ({@link UUID#compareTo}), safe to read while one writer changes it, with an O(1) size
 * for the planner (a skip list's own size() walks the list).
 */
public final class IdSet {
    public static final IdSet EMPTY = new IdSet();

    private final ConcurrentSkipListSet<UUID> ids = new ConcurrentSkipListSet<>();
    private final AtomicInteger size = new AtomicInteger();

    boolean add(UUID id) {
        if (!ids.add(id)) return false;
        size.incrementAndGet();
        return true;
    }

    boolean remove(UUID id) {
        if (!ids.remove(id)) return false;
        size.decrementAndGet();
        return true;
    }

    public int size() { return size.get(); }

    public boolean contains(UUID id) { return ids.contains(id); }

    /** Ids strictly after {@code after} in id order; every id when {@code after} is null. */
    public Iterator<UUID> after(UUID after) {
        NavigableSet<UUID> view = after == null ? ids : ids.tailSet(after, false);
        return view.iterator();
    }
}
