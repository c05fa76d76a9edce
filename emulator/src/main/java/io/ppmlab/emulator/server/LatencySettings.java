package io.ppmlab.emulator.server;

import java.util.Locale;

/**
 * Optional latency injection: answer after the modelled time ({@code model}) or a fixed time
 * ({@code fixed:<ms>}), plus seeded jitter, so that clients feel Dataverse-like latency. Off by default:
 * the emulator then answers as fast as it can.
 *
 * @param mode          off, model or fixed
 * @param fixedMs       the delay of {@code fixed}
 * @param jitterPercent ± this share of the delay, drawn from a generator seeded with {@code seed}
 * @param seed          the jitter's seed
 */
public record LatencySettings(Mode mode, double fixedMs, double jitterPercent, long seed) {
    public enum Mode { OFF, MODEL, FIXED }

    public static final LatencySettings OFF = new LatencySettings(Mode.OFF, 0, 0, 42);

    public LatencySettings {
        if (fixedMs < 0 || fixedMs > 600_000) throw new IllegalArgumentException("a fixed latency is between 0 and 600000 ms");
        if (jitterPercent < 0 || jitterPercent > 100) throw new IllegalArgumentException("latency jitter is between 0 and 100 percent");
    }

    /** Parses {@code off}, {@code model} or {@code fixed:<ms>}. */
    public static LatencySettings parse(String text, double jitterPercent, long seed) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("off")) return new LatencySettings(Mode.OFF, 0, jitterPercent, seed);
        if (t.equals("model")) return new LatencySettings(Mode.MODEL, 0, jitterPercent, seed);
        if (t.startsWith("fixed:")) {
            try {
                return new LatencySettings(Mode.FIXED, Double.parseDouble(t.substring(6)), jitterPercent, seed);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--latency fixed:<ms> needs a number of milliseconds, not '" + text + "'");
            }
        }
        throw new IllegalArgumentException("--latency is off, model or fixed:<ms>, not '" + text + "'");
    }

    /** The delay before answering a request whose modelled cost is {@code modelledMs}, before jitter. */
    public double delayMs(double modelledMs) {
        return switch (mode) {
            case OFF -> 0;
            case MODEL -> modelledMs;
            case FIXED -> fixedMs;
        };
    }
}
