package io.ppmlab.emulator.cost;

import java.util.List;
import java.util.function.Consumer;

/**
 * The {@link Work} of the request the current thread serves. The counting points (store, indexes,
 * security guard, writer, journal) sit many layers below the pipeline and are shared by every request;
 * threading a counter through each signature would touch every operation. A scoped value set and cleared
 * by the pipeline in one place (like a tracing context) keeps them independent of it. Work done outside a
 * request (background capacity roll, group sync) is counted nowhere.
 */
public final class WorkScope {
    private static final ThreadLocal<Work> CURRENT = new ThreadLocal<>();

    private WorkScope() {}

    /** Makes {@code work} current until the returned scope is closed (then the previous one is current again). */
    public static Open open(Work work) {
        Work previous = CURRENT.get();
        CURRENT.set(work);
        return new Open(previous);
    }

    /**
     * Counts nothing until the returned scope is closed: for work that fills a cache shared by all requests
     * (the security model), which would otherwise be charged to whichever request came first and make the
     * same request cost differently from one run to the next.
     */
    public static Open paused() {
        Work previous = CURRENT.get();
        CURRENT.set(null);
        return new Open(previous);
    }

    /**
     * Runs {@code action} over {@code items}, on the common pool when {@code parallel}, counting what every item does
     * on the current request. A pool thread has no current work of its own, so each item counts into a work of its
     * own, added to the current one after the join: the total does not depend on which thread took which item.
     */
    public static <T> void forEach(List<T> items, boolean parallel, Consumer<T> action) {
        Work current = CURRENT.get();
        if (!parallel) {
            items.forEach(action);
            return;
        }
        if (current == null) {
            items.parallelStream().forEach(action);
            return;
        }
        List<Work> done = items.parallelStream().map(item -> {
            Work own = new Work();
            try (Open ignored = open(own)) {
                action.accept(item);
            }
            return own;
        }).toList();
        done.forEach(current::addAll);
    }

    public static void count(Quantity q, long n) {
        Work w = CURRENT.get();
        if (w != null) w.add(q, n);
    }

    /** Records a $batch part of the given operation kind on the current request. */
    public static void part(String operation) {
        Work w = CURRENT.get();
        if (w != null) w.part(operation);
    }

    /** A scope to close; closing restores the work that was current before. */
    public record Open(Work previous) implements AutoCloseable {
        @Override
        public void close() {
            CURRENT.set(previous); // set, not remove: the entry keeps its slot and lookups stay direct
        }
    }
}
