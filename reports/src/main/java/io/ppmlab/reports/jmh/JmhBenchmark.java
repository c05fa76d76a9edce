package io.ppmlab.reports.jmh;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One JMH result: a benchmark method with one set of parameters, its primary metric and profiler metrics. */
public record JmhBenchmark(String benchmark, String mode, int threads, Map<String, String> params,
                           JmhMetric primary, Map<String, JmhMetric> secondary) {

    /** JMH 1.37's gc profiler name for bytes allocated per operation (older versions prefix it with a middle dot). */
    public static final String ALLOC_NORM = "gc.alloc.rate.norm";

    public JmhBenchmark {
        params = params == null ? Map.of() : new TreeMap<>(params);
        secondary = secondary == null ? Map.of() : Map.copyOf(secondary);
    }

    /** A stable, readable key: the class's simple name, the method and the parameters, e.g. {@code Query.respond[projects=5000]}. */
    public String key() {
        String[] parts = benchmark.split("\\.");
        String shortName = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
        if (params.isEmpty()) return shortName;
        return shortName + params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** Bytes allocated per operation, when the run used {@code -prof gc}. */
    public Optional<JmhMetric> allocationPerOp() {
        return Optional.ofNullable(secondary.get(ALLOC_NORM));
    }

    /** The primary score as seconds per operation, whatever the mode and unit (throughput is inverted). */
    public double secondsPerOp() {
        return JmhUnits.secondsPerOp(primary.score(), primary.unit());
    }
}
