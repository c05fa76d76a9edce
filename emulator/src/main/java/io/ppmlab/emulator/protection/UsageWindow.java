package io.ppmlab.emulator.protection;

/**
 * One user's usage on one web server: request count and execution time in a sliding window of
 * {@value #BUCKETS} buckets, requests in flight, and the block a window facet put in place.
 * Methods are synchronized: contention is per user and per server, and each critical section is a
 * few dozen instructions (see the JMH {@code ServiceProtectionBenchmark}).
 */
final class UsageWindow {
    static final int BUCKETS = 60;

    private final long bucketNanos;
    private final long[] requests = new long[BUCKETS];
    private final long[] micros = new long[BUCKETS];
    private final long[] epochs = new long[BUCKETS];
    private long requestTotal;
    private long microTotal;
    private int inFlight;
    private long blockedUntil;
    private Facet blockedBy;

    UsageWindow(long windowNanos) {
        this.bucketNanos = Math.max(1, windowNanos / BUCKETS);
        java.util.Arrays.fill(epochs, Long.MIN_VALUE);
    }

    /** Admits or refuses one request at {@code now} (nanoseconds of a monotonic clock). */
    synchronized Decision admit(long now, ProtectionSettings limits) {
        roll(now);
        if (blockedBy != null && now < blockedUntil) {
            // a client that keeps pushing during a block makes it longer, up to two windows from now (the lab's
            // choice: Dataverse says the wait is extended, not by how much)
            long cap = now + 2 * limits.window().toNanos();
            blockedUntil = Math.min(cap, blockedUntil + limits.escalation().toNanos());
            return Decision.refused(blockedBy, blockedUntil - now);
        }
        blockedBy = null;
        if (requestTotal >= limits.requests()) return block(Facet.REQUESTS, now, drainRequests(now, limits.requests()));
        long budgetMicros = limits.executionMs() * 1000;
        if (microTotal >= budgetMicros) return block(Facet.EXECUTION_TIME, now, drainMicros(now, budgetMicros));
        if (inFlight >= limits.concurrency()) return Decision.refused(Facet.CONCURRENCY, 0);
        inFlight++;
        requestTotal++;
        requests[slot(now)]++;
        return Decision.admitted(limits.requests() - requestTotal, budgetMicros - microTotal);
    }

    /** Adds the execution time of an admitted request (the time facet may so overshoot before it bites). */
    synchronized long charge(long now, long executionMicros) {
        roll(now);
        micros[slot(now)] += executionMicros;
        microTotal += executionMicros;
        return microTotal;
    }

    synchronized void release() { inFlight--; }

    /** Requests and execution microseconds left in the window at {@code now}, without admitting anything. */
    synchronized long[] remaining(long now, ProtectionSettings limits) {
        roll(now);
        return new long[]{limits.requests() - requestTotal, limits.executionMs() * 1000 - microTotal};
    }

    synchronized int inFlight() { return inFlight; }

    private Decision block(Facet facet, long now, long drainedAt) {
        blockedBy = facet;
        blockedUntil = Math.max(drainedAt, now + 1);
        return Decision.refused(facet, blockedUntil - now);
    }

    /** When enough old buckets have left the window for the request count to fall under the limit. */
    private long drainRequests(long now, long limit) {
        return drain(now, requests, requestTotal - limit + 1);
    }

    private long drainMicros(long now, long budget) {
        return drain(now, micros, microTotal - budget + 1);
    }

    private long drain(long now, long[] amounts, long needed) {
        long epoch = now / bucketNanos;
        long freed = 0;
        for (long e = epoch - BUCKETS + 1; e <= epoch; e++) {
            int i = (int) Math.floorMod(e, BUCKETS);
            if (epochs[i] != e) continue;
            freed += amounts[i];
            if (freed >= needed) return (e + BUCKETS) * bucketNanos;
        }
        return (epoch + BUCKETS) * bucketNanos;
    }

    private int slot(long now) { return (int) Math.floorMod(now / bucketNanos, BUCKETS); }

    /** Empties the buckets that have slid out of the window and claims the current one. */
    private void roll(long now) {
        long epoch = now / bucketNanos;
        int i = (int) Math.floorMod(epoch, BUCKETS);
        if (epochs[i] == epoch) return;
        for (int k = 0; k < BUCKETS; k++) {
            if (epochs[k] != Long.MIN_VALUE && epochs[k] <= epoch - BUCKETS) {
                requestTotal -= requests[k];
                microTotal -= micros[k];
                requests[k] = 0;
                micros[k] = 0;
                epochs[k] = Long.MIN_VALUE;
            }
        }
        requestTotal -= requests[i];
        microTotal -= micros[i];
        requests[i] = 0;
        micros[i] = 0;
        epochs[i] = epoch;
    }

    /** The outcome of {@link #admit}. {@code facet} is null when admitted. */
    record Decision(Facet facet, long retryNanos, long requestsLeft, long microsLeft) {
        static Decision admitted(long requestsLeft, long microsLeft) { return new Decision(null, 0, requestsLeft, microsLeft); }

        static Decision refused(Facet facet, long retryNanos) { return new Decision(facet, retryNanos, -1, -1); }
    }
}
