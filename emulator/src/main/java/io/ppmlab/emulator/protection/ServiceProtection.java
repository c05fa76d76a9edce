package io.ppmlab.emulator.protection;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Dataverse's service protection: per user and per web server, a sliding window of requests and of
 * execution time, and a cap on concurrent requests. Windows run on a monotonic real-time clock, never on
 * the lab clock: advancing the lab clock by a month must not unblock a client.
 */
public final class ServiceProtection {
    private final ProtectionSettings limits;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<UUID, UsageWindow[]> windows = new ConcurrentHashMap<>();

    public ServiceProtection(ProtectionSettings limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    public static ServiceProtection realTime(ProtectionSettings limits) { return new ServiceProtection(limits, System::nanoTime); }

    public ProtectionSettings limits() { return limits; }

    /**
     * Admits a request of {@code user} on web server {@code server} (0-based), or refuses it. An admitted
     * request holds a place of the concurrency facet until its {@link Admission#close()}.
     */
    public Admission admit(UUID user, int server) {
        UsageWindow window = window(user, server);
        if (!limits.enabled()) return new Admission(this, window, null, 0, limits.requests(), limits.executionMs() * 1000, false);
        UsageWindow.Decision d = window.admit(nanoTime.getAsLong(), limits);
        if (d.facet() != null) return new Admission(this, window, d.facet(), retryAfterSeconds(d.retryNanos()), 0, 0, false);
        return new Admission(this, window, null, 0, d.requestsLeft(), d.microsLeft(), true);
    }

    /** Requests still in flight for a user on a server (tests and the metrics). */
    public int inFlight(UUID user, int server) { return window(user, server).inFlight(); }

    long charge(UsageWindow window, long micros) {
        return limits.enabled() ? window.charge(nanoTime.getAsLong(), micros) : 0;
    }

    private UsageWindow window(UUID user, int server) {
        UsageWindow[] perServer = windows.computeIfAbsent(user, u -> {
            UsageWindow[] w = new UsageWindow[limits.webServers()];
            for (int i = 0; i < w.length; i++) w[i] = new UsageWindow(limits.window().toNanos());
            return w;
        });
        return perServer[Math.floorMod(server, perServer.length)];
    }

    /** Whole seconds, rounded up, and at least 1 (a client that waits 0 s would come straight back). */
    static long retryAfterSeconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
