package io.ppmlab.emulator.product.process;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The scheduled processes' documented limits (the product's "Software Boundaries and Limits": at most 500
 * FetchXML rows returned to a process, a workflow extension stopped at 120 seconds, process logs kept 30 days)
 * and how often, in real time, the runner looks at the lab clock. Only the runtime limit can be changed, for
 * demonstrations with real sleeping extensions ({@code -Dlab.processMaxRuntime=PT5S} or
 * {@code LAB_PROCESS_MAX_RUNTIME}); the other two are the product's and fixed.
 */
public record ProcessLimits(int maxRows, Duration maxRuntime, Duration logRetention, Duration poll) {
    public static final int MAX_ROWS = 500;
    public static final Duration MAX_RUNTIME = Duration.ofSeconds(120);
    public static final Duration LOG_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    public static final String PROPERTY = "lab.processMaxRuntime";
    public static final String ENVIRONMENT_VARIABLE = "LAB_PROCESS_MAX_RUNTIME";

    public ProcessLimits {
        if (maxRows < 1) throw new IllegalArgumentException("a process must be handed at least one row: " + maxRows);
        if (!positive(maxRuntime) || !positive(logRetention) || !positive(poll)) {
            throw new IllegalArgumentException("process limits must be positive durations");
        }
    }

    public static ProcessLimits documented() { return new ProcessLimits(MAX_ROWS, MAX_RUNTIME, LOG_RETENTION, DEFAULT_POLL); }

    public ProcessLimits withMaxRuntime(Duration runtime) { return new ProcessLimits(maxRows, runtime, logRetention, poll); }

    /** The documented limits, with the runtime limit from the property or environment variable when set. */
    public static ProcessLimits from(Function<String, String> properties, Function<String, String> environment) {
        String value = properties.apply(PROPERTY);
        if (value == null || value.isBlank()) value = environment.apply(ENVIRONMENT_VARIABLE);
        if (value == null || value.isBlank()) return documented();
        try {
            return documented().withMaxRuntime(Duration.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the process runtime limit is an ISO-8601 duration such as PT120S, not '" + value + "'", e);
        }
    }

    private static boolean positive(Duration d) { return !d.isNegative() && !d.isZero(); }
}
