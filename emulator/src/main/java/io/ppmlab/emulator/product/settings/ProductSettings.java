package io.ppmlab.emulator.product.settings;

import io.ppmlab.emulator.product.ConfigurationSettings;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * The documented telemetry and feedback settings: {@code InstrumentationKey} = False disables telemetry,
 * {@code FeedbackOptOut} = True disables feedback prompts, {@code userFeedbackCadence} is the number of days
 * between prompts (default 30; 0 never prompts). Values are compared case-insensitively.
 */
record ProductSettings(ConfigurationSettings settings) {
    static final String INSTRUMENTATION_KEY = "InstrumentationKey";
    static final String FEEDBACK_OPT_OUT = "FeedbackOptOut";
    static final String FEEDBACK_CADENCE = "userFeedbackCadence";
    static final int DEFAULT_CADENCE_DAYS = 30;

    boolean telemetryEnabled() { return !settings.value(INSTRUMENTATION_KEY).map(v -> v.trim().equalsIgnoreCase("false")).orElse(false); }

    boolean feedbackOptedOut() { return settings.value(FEEDBACK_OPT_OUT).map(v -> v.trim().equalsIgnoreCase("true")).orElse(false); }

    /** Days between prompts; empty when the setting is not a whole number of days (then the default applies and the answer says so). */
    OptionalInt cadenceDays() {
        String v = settings.value(FEEDBACK_CADENCE).orElse(null);
        if (v == null) return OptionalInt.of(DEFAULT_CADENCE_DAYS);
        try {
            int d = Integer.parseInt(v.trim());
            return d < 0 ? OptionalInt.empty() : OptionalInt.of(d);
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    Duration cadence() { return Duration.ofDays(cadenceDays().orElse(DEFAULT_CADENCE_DAYS)); }
}
