package io.ppmlab.harness.sim.journeys;

import io.gatling.javaapi.core.ChainBuilder;

/**
 * One persona's work: {@link #signIn} once per virtual user, then {@link #iteration} per journey. {@link #requests} is
 * how many requests one iteration sends (signing in excluded), which paced suites use to hold a per-user rate.
 */
public interface Journey {
    /** The persona's stable name, the prefix of its request names. */
    String persona();

    /** The feeder's records: one per generated user the persona signs in as. */
    java.util.List<java.util.Map<String, Object>> users();

    ChainBuilder signIn();

    ChainBuilder iteration();

    int requests();
}
