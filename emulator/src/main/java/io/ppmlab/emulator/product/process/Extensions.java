package io.ppmlab.emulator.product.process;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * The workflow extensions the lab provides, named in {@code sensei_workflowextension} as {@code name} or
 * {@code name:argument}:
 * <ul>
 *   <li>{@code sensei_SendReminder}: records one {@code sensei_notification} per row ({@link SendReminder});</li>
 *   <li>{@code lab_WorkPerRow:<seconds>}: works that many seconds per row on the lab clock (simulated: the clock
 *       moves, no thread waits), so the 120-second limit shows in milliseconds of real time;</li>
 *   <li>{@code lab_SleepPerRow:<seconds>}: really sleeps that long per row, for showing the stop of an extension
 *       that does not cooperate in real time (the lab clock follows real time).</li>
 * </ul>
 */
public final class Extensions {
    public static final String SEND_REMINDER = "sensei_SendReminder";
    public static final String WORK_PER_ROW = "lab_WorkPerRow";
    public static final String SLEEP_PER_ROW = "lab_SleepPerRow";

    private final SendReminder reminders;

    Extensions(SendReminder reminders) { this.reminders = reminders; }

    /** The extension a process names, or empty when the lab has none by that name (or its argument is not valid). */
    Optional<WorkflowExtension> find(String spec) {
        if (spec == null || spec.isBlank()) return Optional.empty();
        String s = spec.trim();
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        String argument = colon < 0 ? null : s.substring(colon + 1).trim();
        return switch (name) {
            case SEND_REMINDER -> argument == null ? Optional.of(reminders) : Optional.empty();
            case WORK_PER_ROW -> seconds(argument).map(d -> new WorkPerRow(d, true));
            case SLEEP_PER_ROW -> seconds(argument).map(d -> new WorkPerRow(d, false));
            default -> Optional.empty();
        };
    }

    private static Optional<Duration> seconds(String argument) {
        if (argument == null || argument.isEmpty()) return Optional.empty();
        try {
            BigDecimal s = new BigDecimal(argument);
            if (s.signum() < 0 || s.compareTo(BigDecimal.valueOf(86_400)) > 0) return Optional.empty();
            return Optional.of(Duration.ofNanos(s.movePointRight(9).longValue()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
