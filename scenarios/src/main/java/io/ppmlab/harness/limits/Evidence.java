package io.ppmlab.harness.limits;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a run measured that the verdicts are decided from, as plain values (so {@link LimitChecks} is a pure
 * function, tested without a server).
 *
 * @param rows          the organisation's row counts per table (manifest)
 * @param capacityDays  days of capacity per resource the organisation was generated with
 * @param requests      recorded figures per request name
 * @param assertions    the suite's latency assertions, evaluated
 * @param failedJourneys journeys whose checks failed, all personas
 * @param groupsPrepared groups the limit user administered after the preparation (250 expected)
 * @param quotaKbPerResourceYear the storage meter's figure, empty when the meter did not answer
 * @param horizon       the horizon probe, empty when it did not run
 * @param probes        results of the probes of limits other parts of the emulator implement (scheduled processes,
 *                      service protection), by limit id; a limit absent here is not emulated
 */
public record Evidence(Map<String, Long> rows, long capacityDays, Map<String, RequestFigures> requests, List<AssertionResult> assertions,
                       long failedJourneys, int groupsPrepared, Optional<Double> quotaKbPerResourceYear, Optional<HorizonProbe> horizon,
                       Map<String, ProbeResult> probes) {

    /** The figures of one request name that verdicts use. */
    public record RequestFigures(long count, long ok, long expectedRefusals, Map<String, Long> errors, Double p50Ms, Double p95Ms) {
        /** Answers with a status the journey did not expect (429s it retried are not among them; one it gave up on is). */
        public long unexpected() { return errors.values().stream().mapToLong(Long::longValue).sum(); }
    }

    /** What the horizon probe saw: the default setting, and the answers to 11 and 12 years. */
    public record HorizonProbe(int defaultYears, int elevenYearsStatus, int twelveYearsStatus, String twelveYearsCode) {}

    /** A probe's outcome for one limit: whether it holds, the figure and a sentence. */
    public record ProbeResult(boolean holds, Double value, String unit, String assertion, String detail) {}

    public long row(String table) {
        return rows.getOrDefault(table, 0L);
    }

    public Optional<RequestFigures> request(String name) {
        return Optional.ofNullable(requests.get(name));
    }
}
