package io.ppmlab.emulator.protection;

/**
 * The service protection verdict on one request. When admitted, the caller charges the request's
 * execution time once it is known and closes the admission when the response has left (the
 * concurrency facet counts requests until then, injected latency included).
 */
public final class Admission implements AutoCloseable {
    private final ServiceProtection owner;
    private final UsageWindow window;
    private final Facet refusedBy;
    private final long retryAfterSeconds;
    private long requestsLeft;
    private long microsLeft;
    private final boolean holdsPlace;
    private boolean closed;

    Admission(ServiceProtection owner, UsageWindow window, Facet refusedBy, long retryAfterSeconds,
              long requestsLeft, long microsLeft, boolean holdsPlace) {
        this.owner = owner;
        this.window = window;
        this.refusedBy = refusedBy;
        this.retryAfterSeconds = retryAfterSeconds;
        this.requestsLeft = requestsLeft;
        this.microsLeft = microsLeft;
        this.holdsPlace = holdsPlace;
    }

    public boolean refused() { return refusedBy != null; }

    /** The facet that refused the request, or null. */
    public Facet refusedBy() { return refusedBy; }

    public long retryAfterSeconds() { return retryAfterSeconds; }

    /** Adds the request's execution time (modelled milliseconds) to the window. */
    public void charge(double modelledMs) {
        if (refused()) return;
        long micros = Math.round(modelledMs * 1000);
        long used = owner.charge(window, micros);
        if (owner.limits().enabled()) microsLeft = owner.limits().executionMs() * 1000 - used;
    }

    /** Requests left in the window after this one ({@code x-ms-ratelimit-burst-remaining-xrm-requests}). */
    public long requestsLeft() { return Math.max(0, requestsLeft); }

    /** Execution time left in the window, in seconds ({@code x-ms-ratelimit-time-remaining-xrm-requests}). */
    public double secondsLeft() { return Math.max(0, microsLeft) / 1_000_000.0; }

    @Override
    public void close() {
        if (holdsPlace && !closed) {
            closed = true;
            window.release();
        }
    }
}
