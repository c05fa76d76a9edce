package io.ppmlab.emulator.metrics;

import io.ppmlab.emulator.cost.Work;
import io.ppmlab.emulator.protection.Facet;

/**
 * One served Web API request as the metrics see it.
 *
 * @param requestName   the client's {@code x-lab-request-name}, or null
 * @param status        HTTP status sent
 * @param serverNanos   time spent serving it (injected latency excluded)
 * @param modelledMs    the cost model's figure
 * @param work          what it did (operation, table, counted quantities)
 * @param responseBytes body bytes sent
 * @param throttled     the facet that refused it, or null
 */
public record Observation(String requestName, int status, long serverNanos, double modelledMs, Work work,
                          long responseBytes, Facet throttled) {}
