package io.ppmlab.emulator.query.exec;

import io.ppmlab.emulator.query.index.IdSet;
import io.ppmlab.emulator.query.index.TableIndex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.UUID;

/** Where a selection starts reading: the planner's choice, with its estimated number of candidate rows. */
public sealed interface Start {
    int estimate();

    /** Short text for explain output and tests. */
    String describe();

    /** Nothing can match (the caller has no read privilege, or an id list is empty). */
    record Nothing() implements Start {
        public int estimate() { return 0; }
        public String describe() { return "nothing"; }
    }

    /** No index: read the whole table with the store's scan. */
    record Scan(long rows) implements Start {
        public int estimate() { return (int) Math.min(Integer.MAX_VALUE, rows); }
        public String describe() { return "scan"; }
    }

    /** Every row of an indexed table, in id order. */
    record All(TableIndex index) implements Start {
        public int estimate() { return index.size(); }
        public String describe() { return "all(" + index.size() + ")"; }
    }

    /**
     * The union of some index buckets and explicit ids, in id order; when {@code within} is given, only those of its
     * ids too (the intersection of two index starts).
     */
    record Ids(String source, List<IdSet> sets, NavigableSet<UUID> explicit, Ids within) implements Start {
        public Ids {
            sets = List.copyOf(sets);
            explicit = new TreeSet<>(explicit);
        }

        public Ids(String source, List<IdSet> sets, NavigableSet<UUID> explicit) { this(source, sets, explicit, null); }

        /** These ids that {@code other} holds too. */
        public Ids within(Ids other) { return new Ids(source, sets, explicit, other); }

        /** An upper bound of the ids: the union's size, or the smaller side's for an intersection. */
        public int estimate() {
            int own = union();
            return within == null ? own : Math.min(own, within.estimate());
        }

        private int union() {
            long n = explicit.size();
            for (IdSet s : sets) n += s.size();
            return (int) Math.min(Integer.MAX_VALUE, n);
        }

        public String describe() { return source + "(" + union() + ")" + (within == null ? "" : " & " + within.describe()); }

        /** Ids after {@code after} in id order, each once. */
        public Iterator<UUID> iterator(UUID after) {
            List<Iterator<UUID>> parts = new ArrayList<>();
            for (IdSet s : sets) parts.add(s.after(after));
            parts.add((after == null ? explicit : explicit.tailSet(after, false)).iterator());
            Iterator<UUID> union = merge(parts);
            return within == null ? union : intersect(union, within.iterator(after));
        }
    }

    /** The ids two ascending iterators share, ascending. */
    static Iterator<UUID> intersect(Iterator<UUID> a, Iterator<UUID> b) {
        return new Iterator<>() {
            private UUID x = a.hasNext() ? a.next() : null;
            private UUID y = b.hasNext() ? b.next() : null;
            private UUID pending;

            @Override public boolean hasNext() {
                while (pending == null && x != null && y != null) {
                    int c = x.compareTo(y);
                    if (c == 0) pending = x;
                    if (c <= 0) x = a.hasNext() ? a.next() : null;
                    if (c >= 0) y = b.hasNext() ? b.next() : null;
                }
                return pending != null;
            }

            @Override public UUID next() {
                if (!hasNext()) throw new NoSuchElementException();
                UUID out = pending;
                pending = null;
                return out;
            }
        };
    }

    /** A k-way merge of ascending id iterators, dropping duplicates. */
    static Iterator<UUID> merge(Collection<Iterator<UUID>> parts) {
        record Head(UUID id, Iterator<UUID> rest) {}
        PriorityQueue<Head> queue = new PriorityQueue<>((a, b) -> a.id().compareTo(b.id()));
        for (Iterator<UUID> it : parts) if (it.hasNext()) queue.add(new Head(it.next(), it));
        return new Iterator<>() {
            private UUID last;

            @Override public boolean hasNext() {
                while (!queue.isEmpty() && queue.peek().id().equals(last)) advance();
                return !queue.isEmpty();
            }

            @Override public UUID next() {
                if (!hasNext()) throw new NoSuchElementException();
                last = queue.peek().id();
                advance();
                return last;
            }

            private void advance() {
                Head h = queue.poll();
                if (h.rest().hasNext()) queue.add(new Head(h.rest().next(), h.rest()));
            }
        };
    }
}
