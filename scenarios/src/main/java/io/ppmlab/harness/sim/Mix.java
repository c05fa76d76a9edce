package io.ppmlab.harness.sim;

import java.util.List;

/**
 * How many virtual users of each persona a suite runs. {@code share} is the persona's part of {@code --users} in the
 * paced suites (load, soak); {@code users} and {@code iterations} are fixed counts in the others. The figures are
 * the lab's choice, written here once: the Project User is the most common person in the product, the integration
 * user runs one sync at a time, the 45 resource-year save belongs to the limits and smoke suites, not to the mix.
 * In limits, ten resource managers save once each: one save models at minutes of Dataverse execution time, so one
 * user saving back to back would be throttled by the execution-time facet (1,200,000 ms per 300 s), as Dataverse would.
 */
public record Mix(String persona, double share, int users, int iterations) {
    public static List<Mix> of(String suite) {
        return switch (suite) {
            case "smoke" -> List.of(new Mix("portfolio-manager", 0, 1, 1), new Mix("project-user", 0, 1, 1), new Mix("pmo-executive", 0, 1, 1),
                    new Mix("resource-manager", 0, 1, 1), new Mix("integration", 0, 1, 1), new Mix("admin", 0, 1, 1));
            case "limits" -> List.of(new Mix("portfolio-manager", 0, 4, 5), new Mix("project-user", 0, 4, 5), new Mix("pmo-executive", 0, 2, 2),
                    new Mix("resource-manager", 0, 10, 1), new Mix("integration", 0, 1, 3), new Mix("admin", 0, 1, 3));
            case "scale" -> List.of(new Mix("portfolio-manager", 0, 2, 10), new Mix("project-user", 0, 2, 10), new Mix("pmo-executive", 0, 1, 5),
                    new Mix("resource-manager", 0, 1, 5));
            case "load", "soak" -> List.of(new Mix("project-user", 0.55, 0, 0), new Mix("portfolio-manager", 0.30, 0, 0),
                    new Mix("resource-manager", 0.10, 0, 0), new Mix("pmo-executive", 0.05, 0, 0));
            default -> throw new IllegalArgumentException("unknown suite " + suite);
        };
    }

    /** Users of this persona when {@code total} paced users run (at least one). */
    public int pacedUsers(int total) {
        return Math.max(1, (int) Math.round(share * total));
    }
}
