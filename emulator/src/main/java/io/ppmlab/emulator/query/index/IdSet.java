package io.ppmlab.emulator.query.index;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * Row ids in id order ({@link UUID#compareTo}: most significant half first, both halves signed), read without locks
 * while one writer changes it.
 *
 * <p>The ids live in sorted chunks of primitive longs (16 bytes an id, no node or UUID object per entry) behind one
 * volatile snapshot. A writer builds the next snapshot from sorted additions and removals ({@link #update}) and
 * publishes it at once: chunks the change does not reach are shared, touched ones are merged in one linear pass. A
 * 16,000-row save into a 400,000-id set is therefore one merge, not 16,000 skip-list insertions, and a single-row
 * write copies one chunk and the chunk directory. A reader keeps the snapshot it started with for its whole walk.
 */
public final class IdSet {
    public static final IdSet EMPTY = new IdSet();

    /** Ids per chunk when a chunk is cut; a merged chunk may grow to twice this before it is split. */
    static final int CHUNK = 512;

    private volatile Snapshot snapshot = Snapshot.NONE;

    /** Chunks of interleaved (most, least) significant halves, and each chunk's first id for the binary search. */
    private record Snapshot(long[][] chunks, long[] firstMost, long[] firstLeast, int size) {
        static final Snapshot NONE = new Snapshot(new long[0][], new long[0], new long[0], 0);

        static Snapshot of(List<long[]> chunks) {
            long[] most = new long[chunks.size()];
            long[] least = new long[chunks.size()];
            int size = 0;
            for (int i = 0; i < chunks.size(); i++) {
                long[] c = chunks.get(i);
                most[i] = c[0];
                least[i] = c[1];
                size += c.length / 2;
            }
            return new Snapshot(chunks.toArray(new long[0][]), most, least, size);
        }

        /** The last chunk whose first id is at or before the id; -1 when the id comes before every chunk. */
        int chunkOf(long most, long least) {
            int lo = 0;
            int hi = chunks.length - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (compare(firstMost[mid], firstLeast[mid], most, least) <= 0) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }
    }

    public int size() { return snapshot.size(); }

    public boolean contains(UUID id) {
        Snapshot s = snapshot;
        long most = id.getMostSignificantBits();
        long least = id.getLeastSignificantBits();
        int c = s.chunkOf(most, least);
        return c >= 0 && indexIn(s.chunks()[c], most, least) >= 0;
    }

    /** Ids strictly after {@code after} in id order; every id when {@code after} is null. */
    public Iterator<UUID> after(UUID after) {
        Snapshot s = snapshot;
        if (after == null || s.chunks().length == 0) return new Walk(s.chunks(), 0, 0);
        long most = after.getMostSignificantBits();
        long least = after.getLeastSignificantBits();
        int c = s.chunkOf(most, least);
        if (c < 0) return new Walk(s.chunks(), 0, 0);
        int at = indexIn(s.chunks()[c], most, least);
        int next = at >= 0 ? at + 2 : -at - 1;
        return new Walk(s.chunks(), c, next);
    }

    boolean add(UUID id) {
        if (contains(id)) return false;
        update(pairs(List.of(id)), new long[0]);
        return true;
    }

    boolean remove(UUID id) {
        if (!contains(id)) return false;
        update(new long[0], pairs(List.of(id)));
        return true;
    }

    /**
     * Adds and removes ids in one new snapshot. Both arrays hold interleaved (most, least) pairs in id order without
     * repeats; adding a present id or removing an absent one changes nothing; an id in both ends up absent.
     * One writer at a time (the caller's lock).
     */
    void update(long[] adds, long[] removes) {
        if (adds.length == 0 && removes.length == 0) return;
        Snapshot s = snapshot;
        long[][] chunks = s.chunks();
        List<long[]> out = new ArrayList<>(chunks.length + adds.length / (2 * CHUNK) + 1);
        int a = 0;
        int r = 0;
        for (int c = 0; c < chunks.length; c++) {
            boolean last = c == chunks.length - 1;
            // this chunk takes the changes before the next chunk's first id (the first chunk also those before it)
            int aEnd = last ? adds.length : bound(adds, a, s.firstMost()[c + 1], s.firstLeast()[c + 1]);
            int rEnd = last ? removes.length : bound(removes, r, s.firstMost()[c + 1], s.firstLeast()[c + 1]);
            if (!changes(chunks[c], adds, a, aEnd, removes, r, rEnd)) {
                out.add(chunks[c]); // untouched, or only re-adds of present ids and removals of absent ones
            } else {
                cut(merge(chunks[c], adds, a, aEnd, removes, r, rEnd), out);
            }
            a = aEnd;
            r = rEnd;
        }
        if (chunks.length == 0) cut(merge(new long[0], adds, 0, adds.length, removes, 0, removes.length), out);
        snapshot = Snapshot.of(out);
    }

    /** Sorted, distinct UUIDs as interleaved pairs. */
    static long[] pairs(List<UUID> sorted) {
        long[] p = new long[sorted.size() * 2];
        for (int i = 0; i < sorted.size(); i++) {
            p[2 * i] = sorted.get(i).getMostSignificantBits();
            p[2 * i + 1] = sorted.get(i).getLeastSignificantBits();
        }
        return p;
    }

    /** First pair index (in longs) at or after {@code from} whose id is not before the given one. */
    private static int bound(long[] pairs, int from, long most, long least) {
        int lo = from / 2;
        int hi = pairs.length / 2;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(pairs[2 * mid], pairs[2 * mid + 1], most, least) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo * 2;
    }

    /** Whether adds[a..aEnd) holds an id the chunk lacks or removes[r..rEnd) one it has. */
    private static boolean changes(long[] chunk, long[] adds, int a, int aEnd, long[] removes, int r, int rEnd) {
        for (int i = a; i < aEnd; i += 2) if (indexIn(chunk, adds[i], adds[i + 1]) < 0) return true;
        for (int i = r; i < rEnd; i += 2) if (indexIn(chunk, removes[i], removes[i + 1]) >= 0) return true;
        return false;
    }

    /** One sorted run: the chunk plus adds[a..aEnd) minus removes[r..rEnd). */
    private static long[] merge(long[] chunk, long[] adds, int a, int aEnd, long[] removes, int r, int rEnd) {
        long[] m = new long[chunk.length + (aEnd - a)];
        int n = 0;
        int i = 0;
        while (i < chunk.length || a < aEnd) {
            long most;
            long least;
            int cmp = i >= chunk.length ? 1 : a >= aEnd ? -1 : compare(chunk[i], chunk[i + 1], adds[a], adds[a + 1]);
            if (cmp <= 0) {
                most = chunk[i];
                least = chunk[i + 1];
                i += 2;
                if (cmp == 0) a += 2;
            } else {
                most = adds[a];
                least = adds[a + 1];
                a += 2;
            }
            while (r < rEnd && compare(removes[r], removes[r + 1], most, least) < 0) r += 2;
            if (r < rEnd && removes[r] == most && removes[r + 1] == least) continue;
            m[n++] = most;
            m[n++] = least;
        }
        return n == m.length ? m : java.util.Arrays.copyOf(m, n);
    }

    /** Appends a merged run as chunks of at most two {@link #CHUNK}s; folds a small run into the previous chunk. */
    private static void cut(long[] run, List<long[]> out) {
        if (run.length == 0) return;
        int max = 4 * CHUNK; // longs in two chunks of ids
        if (!out.isEmpty() && run.length < CHUNK / 2 && out.get(out.size() - 1).length + run.length <= max) {
            long[] previous = out.remove(out.size() - 1);
            long[] joined = java.util.Arrays.copyOf(previous, previous.length + run.length);
            System.arraycopy(run, 0, joined, previous.length, run.length);
            out.add(joined);
            return;
        }
        if (run.length <= max) {
            out.add(run);
            return;
        }
        for (int from = 0; from < run.length; from += 2 * CHUNK) {
            out.add(java.util.Arrays.copyOfRange(run, from, Math.min(run.length, from + 2 * CHUNK)));
        }
    }

    /** Position (in longs) of the id in the chunk, or {@code -(insertion point) - 1}. */
    private static int indexIn(long[] chunk, long most, long least) {
        int lo = 0;
        int hi = chunk.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = compare(chunk[2 * mid], chunk[2 * mid + 1], most, least);
            if (cmp < 0) lo = mid + 1;
            else if (cmp > 0) hi = mid - 1;
            else return 2 * mid;
        }
        return -(2 * lo) - 1;
    }

    /** {@link UUID#compareTo}'s order. */
    static int compare(long mostA, long leastA, long mostB, long leastB) {
        int c = Long.compare(mostA, mostB);
        return c != 0 ? c : Long.compare(leastA, leastB);
    }

    /** A walk over one snapshot's chunks from a position. */
    private static final class Walk implements Iterator<UUID> {
        private final long[][] chunks;
        private int chunk;
        private int at;

        Walk(long[][] chunks, int chunk, int at) {
            this.chunks = chunks;
            this.chunk = chunk;
            this.at = at;
            settle();
        }

        private void settle() {
            while (chunk < chunks.length && at >= chunks[chunk].length) {
                chunk++;
                at = 0;
            }
        }

        @Override
        public boolean hasNext() { return chunk < chunks.length; }

        @Override
        public UUID next() {
            if (!hasNext()) throw new NoSuchElementException();
            UUID id = new UUID(chunks[chunk][at], chunks[chunk][at + 1]);
            at += 2;
            settle();
            return id;
        }
    }
}
