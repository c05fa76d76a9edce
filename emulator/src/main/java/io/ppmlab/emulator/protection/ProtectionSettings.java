package io.ppmlab.emulator.protection;

import java.time.Duration;

/**
 * Dataverse's service protection limits, per user and per web server, and how many web servers the
 * environment has. Defaults are Dataverse's published figures; every one can be changed from {@code serve}.
 *
 * @param enabled          off turns all three facets off (the headers still report the full budget)
 * @param requests         requests per window (Dataverse: 6,000)
 * @param window           the sliding window of the two window facets (Dataverse: 300 s)
 * @param executionMs      combined execution time per window, in modelled milliseconds (Dataverse: 1,200,000)
 * @param concurrency      concurrent requests (Dataverse: 52)
 * @param escalation       what each request refused during a block adds to that block (the lab's model of
 *                         "Retry-After grows when a client keeps pushing"; capped at two windows)
 * @param webServers       simulated web servers; counters are kept per server (a trial environment has one)
 */
public record ProtectionSettings(boolean enabled, int requests, Duration window, long executionMs, int concurrency,
                                 Duration escalation, int webServers) {

    public static final ProtectionSettings DATAVERSE =
            new ProtectionSettings(true, 6_000, Duration.ofSeconds(300), 1_200_000, 52, Duration.ofSeconds(1), 1);

    public ProtectionSettings {
        if (requests < 1 || executionMs < 1 || concurrency < 1) throw new IllegalArgumentException("service protection limits must be positive");
        if (window.compareTo(Duration.ofMillis(100)) < 0) throw new IllegalArgumentException("the service protection window must be at least 100 ms");
        if (escalation.isNegative()) throw new IllegalArgumentException("the Retry-After escalation must not be negative");
        if (webServers < 1 || webServers > 64) throw new IllegalArgumentException("web servers must be between 1 and 64");
    }

    public ProtectionSettings off() {
        return new ProtectionSettings(false, requests, window, executionMs, concurrency, escalation, webServers);
    }

    public ProtectionSettings withWebServers(int n) {
        return new ProtectionSettings(enabled, requests, window, executionMs, concurrency, escalation, n);
    }
}
