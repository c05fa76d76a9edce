package io.ppmlab.harness.crash;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * How long each save of a round takes, by its place in the round, from acknowledged saves: the first save after a
 * restart runs in a cold JVM and takes several times longer than the third, so the expected duration of a round is the
 * sum of per-place medians, not saves × one median.
 */
final class SaveTimes {
    /** Recent rounds only: a run's early saves (smaller store, no query index yet) are not typical of its later ones. */
    private static final int RECENT = 8;
    private final List<Deque<Long>> byPlace = new ArrayList<>();

    SaveTimes(int places) {
        for (int i = 0; i < places; i++) byPlace.add(new ArrayDeque<>());
    }

    void add(int place, long millis) {
        Deque<Long> recent = byPlace.get(place);
        recent.addLast(millis);
        if (recent.size() > RECENT) recent.removeFirst();
    }

    /**
     * A save still under way at the kill after {@code millis} took at least that long. Counted when that is longer
     * than the place's median: otherwise a window shorter than the first save after a restart would never grow, since
     * only answered saves are timed and no save of such a window is ever answered.
     */
    void underWay(int place, long millis) {
        Deque<Long> recent = byPlace.get(place);
        if (recent.isEmpty() || millis > median(recent.stream().sorted().toList())) add(place, millis);
    }

    /** The sum over places of the median of their recent times; a place not measured yet counts as the slowest measured one. */
    long expectedMillis() {
        long slowest = 0;
        List<Long> medians = new ArrayList<>();
        for (Deque<Long> recent : byPlace) {
            Long m = recent.isEmpty() ? null : median(recent.stream().sorted().toList());
            medians.add(m);
            if (m != null) slowest = Math.max(slowest, m);
        }
        long sum = 0;
        for (Long m : medians) sum += m == null ? slowest : m;
        return Math.max(1, sum);
    }

    private static long median(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
