package io.ppmlab.harness.sim;

import java.time.Duration;
import java.util.List;

/**
 * How many virtual users of each persona a suite runs. {@code share} is the persona's part of {@code --users} in the
 * paced suites (load, soak); {@code users} and {@code iterations} are fixed counts in the others. The figures are
 * the lab's choice, written here once: the Project User is the most common person in the product, the integration
 * user runs one sync at a time, the 45 resource-year save belongs to the limits and smoke suites, not to the mix.
 * In limits, ten resource managers save once each: one save models at minutes of Dataverse execution time, so one
 * user saving back to back would be throttled by the execution-time facet (1,200,000 ms per 300 s), as Dataverse would.
 *
 * <p>The load mix weights the screens as people use them: project users (62 %) and portfolio managers (30 %) work in
 * lists, forms and single writes, and are paced at the per-user rate ({@code --rate / --users}, by default Dataverse's
 * ceiling of 20 requests/s); resource managers (5 %) and executives (3 %) open the heavy screens (the heat map of 90
 * resources x 6 months, a 16,290-row plan, organisation-wide aggregates and all 5,000 projects paged) and then read
 * them, so they are paced as people: one journey every {@code pace} (60 s). Without that, a resource manager at 20
 * requests/s would redraw the heat map several times a second, which no one does, and those aggregates would be most
 * of the server's work (they were: README, "Performance of the lab").
 *
 * <p>In limits the ten resource managers arrive one every {@code arrivalGap} (6 s) instead of all at once: people do not
 * press Save in the same second, and ten 45 resource-year saves started together hold both cores of the lab machine
 * for about 6 s, so every interactive request of the other personas queued behind them (the limits run of the first
 * harness: projects-5000 and resources-2000 failed on that alone). 6 s is about one save's time under the suite's
 * other load, so saves seldom overlap; the save keeps its own explicit assertion (assertions/limits.json).
 *
 * @param pace       in the paced suites, a fixed time per journey instead of the per-user rate (null: the per-user rate)
 * @param arrivalGap in the fixed suites, the time between two users' arrivals (null: all at once)
 */
public record Mix(String persona, double share, int users, int iterations, Duration pace, Duration arrivalGap) {
    /** A person opening a heavy screen, then reading it: one journey a minute. */
    static final Duration HEAVY_SCREEN_PACE = Duration.ofSeconds(60);

    /** Resource managers in limits: one arrives every 6 s. */
    static final Duration SAVE_ARRIVAL_GAP = Duration.ofSeconds(6);

    Mix(String persona, double share, int users, int iterations) {
        this(persona, share, users, iterations, null, null);
    }

    Mix(String persona, double share, int users, int iterations, Duration pace) {
        this(persona, share, users, iterations, pace, null);
    }

    public static List<Mix> of(String suite) {
        return switch (suite) {
            case "smoke" -> List.of(new Mix("portfolio-manager", 0, 1, 1), new Mix("project-user", 0, 1, 1), new Mix("pmo-executive", 0, 1, 1),
                    new Mix("resource-manager", 0, 1, 1), new Mix("integration", 0, 1, 1), new Mix("admin", 0, 1, 1));
            case "limits" -> List.of(new Mix("portfolio-manager", 0, 4, 5), new Mix("project-user", 0, 4, 5), new Mix("pmo-executive", 0, 2, 2),
                    new Mix("resource-manager", 0, 10, 1, null, SAVE_ARRIVAL_GAP), new Mix("integration", 0, 1, 3), new Mix("admin", 0, 1, 3));
            case "scale" -> List.of(new Mix("portfolio-manager", 0, 2, 10), new Mix("project-user", 0, 2, 10), new Mix("pmo-executive", 0, 1, 5),
                    new Mix("resource-manager", 0, 1, 5));
            case "load", "soak" -> List.of(new Mix("project-user", 0.62, 0, 0), new Mix("portfolio-manager", 0.30, 0, 0),
                    new Mix("resource-manager", 0.05, 0, 0, HEAVY_SCREEN_PACE), new Mix("pmo-executive", 0.03, 0, 0, HEAVY_SCREEN_PACE));
            default -> throw new IllegalArgumentException("unknown suite " + suite);
        };
    }

    /** Users of this persona when {@code total} paced users run (at least one). */
    public int pacedUsers(int total) {
        return Math.max(1, (int) Math.round(share * total));
    }
}
