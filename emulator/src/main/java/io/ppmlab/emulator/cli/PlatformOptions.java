package io.ppmlab.emulator.cli;

import io.ppmlab.emulator.clock.ClockSettings;
import io.ppmlab.emulator.protection.ProtectionSettings;
import io.ppmlab.emulator.server.LatencySettings;
import io.ppmlab.emulator.server.PlatformConfig;
import io.ppmlab.emulator.store.LabRegression;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@code serve}'s options for service protection, web servers, the cost model, latency injection and the clock. */
final class PlatformOptions {
    enum OnOff { on, off }

    enum ClockMode { real, simulated }

    @Option(names = "--service-protection", defaultValue = "on",
            description = "Dataverse's service protection limits (429 with Retry-After): on or off. Default: ${DEFAULT-VALUE}.")
    OnOff protection;

    @Option(names = "--metrics", defaultValue = "on",
            description = "Record every request in /metrics and /lab/metrics.json: on, or off (only to measure what recording costs; "
                    + "the JSON view then says recording is off and holds no requests). Default: ${DEFAULT-VALUE}.")
    OnOff metrics;

    @Option(names = "--sp-requests", defaultValue = "6000",
            description = "Requests per user per web server in the window. Default: ${DEFAULT-VALUE}.")
    int requests;

    @Option(names = "--sp-window", defaultValue = "300s", converter = ShortDuration.class,
            description = "Sliding window of the request and execution-time limits (300s, 5m, PT5M). Default: ${DEFAULT-VALUE}.")
    Duration window;

    @Option(names = "--sp-execution-ms", defaultValue = "1200000",
            description = "Combined modelled execution time per user per web server in the window, ms. Default: ${DEFAULT-VALUE}.")
    long executionMs;

    @Option(names = "--sp-concurrency", defaultValue = "52",
            description = "Concurrent requests per user per web server. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--sp-escalation", defaultValue = "1s", converter = ShortDuration.class,
            description = "What each request refused during a block adds to its Retry-After (capped at two windows). Default: ${DEFAULT-VALUE}.")
    Duration escalation;

    @Option(names = "--web-servers", defaultValue = "1",
            description = "Simulated web servers behind the ARRAffinity cookie (1 = a trial environment). Default: ${DEFAULT-VALUE}.")
    int webServers;

    @Option(names = "--cost-profile",
            description = "A cost profile (JSON) replacing the committed one (emulator/src/main/resources/io/ppmlab/emulator/cost/cost-profile.json).")
    Path costProfile;

    @Option(names = "--latency", defaultValue = "off",
            description = "Answer after the modelled time (model), a fixed time (fixed:<ms>) or at once (off). Default: ${DEFAULT-VALUE}.")
    String latency;

    @Option(names = "--latency-jitter", defaultValue = "0",
            description = "± jitter on the injected latency, percent of it, seeded. Default: ${DEFAULT-VALUE}.")
    double jitter;

    @Option(names = "--latency-seed", defaultValue = "42", description = "Seed of the latency jitter. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--clock", defaultValue = "real",
            description = "The lab clock: real, or simulated (starts at --start; admins move it with POST /lab/clock). Default: ${DEFAULT-VALUE}.")
    ClockMode clock;

    @Option(names = "--start", description = "Start instant of a simulated clock, e.g. 2027-01-01T00:00:00Z.")
    Instant start;

    @Option(names = "--lab-regression", defaultValue = "${env:LAB_REGRESSION:-off}",
            description = "TEST ONLY, for proving the capacity gate: off, rows10x:<table> (each read of the table's rows is done ten "
                    + "times) or sleep:<ms>:<table> (each read of it sleeps first). Never set it otherwise. Default: ${DEFAULT-VALUE}.")
    String regression;

    /** The platform configuration; {@link IllegalArgumentException} names the option that is wrong. */
    PlatformConfig config() {
        if (start != null && clock != ClockMode.simulated) throw new IllegalArgumentException("--start needs --clock simulated");
        if (costProfile != null) {
            try {
                io.ppmlab.emulator.cost.CostProfile.read(costProfile); // refuse a bad profile here, not halfway through start-up
            } catch (java.io.UncheckedIOException e) {
                throw new IllegalArgumentException("--cost-profile: cannot read " + costProfile + " (" + e.getCause().getClass().getSimpleName() + ")");
            }
        }
        {
            ProtectionSettings p = new ProtectionSettings(protection == OnOff.on, requests, window, executionMs, concurrency, escalation, webServers);
            return new PlatformConfig(p, LatencySettings.parse(latency, jitter, seed),
                    new ClockSettings(clock == ClockMode.simulated, Optional.ofNullable(start).or(() -> Optional.of(Instant.now()))),
                    Optional.ofNullable(costProfile), LabRegression.parse(regression), metrics == OnOff.on);
        }
    }
}
