package io.ppmlab.emulator.product;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * How often Entra group teams are synced on the lab clock ({@code interval}, default one hour) and how
 * often real time the scheduler looks at that clock ({@code poll}, default one second).
 */
public record GroupSyncSettings(Duration interval, Duration poll) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    /** ISO-8601 duration, e.g. {@code PT15M}; a system property {@code lab.groupSyncInterval} wins over it. */
    public static final String ENVIRONMENT_VARIABLE = "LAB_GROUP_SYNC_INTERVAL";
    public static final String PROPERTY = "lab.groupSyncInterval";

    public static GroupSyncSettings defaults() { return new GroupSyncSettings(DEFAULT_INTERVAL, DEFAULT_POLL); }

    /** The interval from {@code -Dlab.groupSyncInterval} or {@code LAB_GROUP_SYNC_INTERVAL}, else the default. */
    public static GroupSyncSettings from(Function<String, String> properties, Function<String, String> environment) {
        String value = properties.apply(PROPERTY);
        if (value == null || value.isBlank()) value = environment.apply(ENVIRONMENT_VARIABLE);
        if (value == null || value.isBlank()) return defaults();
        try {
            Duration interval = Duration.parse(value.trim());
            if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("the group sync interval must be positive: " + value);
            return new GroupSyncSettings(interval, DEFAULT_POLL);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the group sync interval is an ISO-8601 duration such as PT15M, not '" + value + "'", e);
        }
    }
}
