package io.ppmlab.harness.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * How big and how long a crash run is.
 *
 * @param rounds        kills (each followed by a restart and a check)
 * @param resources     resources in every plan
 * @param months        months of daily cells per resource, from January 2027 (90 × 6 = 45 resource-years, the save limit)
 * @param savesPerRound the kill lands uniformly within the expected duration of this many saves; they follow one save answered
 *                      before the kill clock starts, and as many again are queued behind them (all sent back to back,
 *                      alternating a new plan and a re-save of an existing one), so a round whose saves run faster than
 *                      expected still has a save under way at the kill
 * @param seed          seeds the choice of projects and the kill moments
 * @param dataDir       the emulator's data directory; must be empty or absent (the demo dataset is loaded into it)
 * @param childHeap     {@code -Xmx} of the emulator process
 * @param emulatorJar   the server jar the emulator processes run ({@code emulator/target/emulator.jar})
 */
public record CrashSettings(int rounds, int resources, int months, int savesPerRound, long seed, Path dataDir, String childHeap,
                            Path emulatorJar) {
    /** The documented save limit is 45 resource-years: a larger plan would be refused, not saved. */
    static final int MAX_RESOURCE_MONTHS = 45 * 12;
    static final LocalDate FIRST_DAY = LocalDate.of(2027, 1, 1);

    public CrashSettings {
        if (rounds < 1) throw new IllegalArgumentException("rounds must be at least 1");
        if (resources < 1) throw new IllegalArgumentException("resources must be at least 1");
        if (months < 1 || months > 12) throw new IllegalArgumentException("months must be 1 to 12");
        if (resources * months > MAX_RESOURCE_MONTHS) {
            throw new IllegalArgumentException(String.format("%d resources × %d months is %.1f resource-years: one save may touch at most 45",
                    resources, months, resources * months / 12.0));
        }
        if (savesPerRound < 2) throw new IllegalArgumentException("savesPerRound must be at least 2 (a new plan and a re-save)");
        if (dataDir == null) throw new IllegalArgumentException("dataDir must be given");
        if (childHeap == null || childHeap.isBlank()) throw new IllegalArgumentException("childHeap must be given, e.g. 1g");
        if (emulatorJar == null || !Files.isRegularFile(emulatorJar)) {
            throw new IllegalArgumentException("no emulator jar at " + emulatorJar + " (build it: mvn -q -B -DskipTests -pl emulator -am package, or ./lab builds it)");
        }
    }

    /** The last day of every plan. */
    LocalDate lastDay() { return FIRST_DAY.plusMonths(months).minusDays(1); }

    /** Saves answered in a round before the kill clock starts (see {@link SaveSender}). */
    static final int UNTIMED = 1;

    /** Saves queued in a round: the untimed one, the timed ones and as many behind them. */
    int queuedPerRound() { return UNTIMED + 2 * savesPerRound; }

    /** Plans kept between rounds: enough for every re-save a round queues, plus one so the choice is not forced. */
    int livePlans() { return queuedPerRound() / 2 + 1; }

    /** Projects in the pool: the live plans plus room for every new plan a round queues, and one spare. */
    int projects() { return livePlans() + queuedPerRound() + 1; }
}
