package io.ppmlab.reports.results;

import java.util.List;
import java.util.Map;

/** Run facts: which code, which suite and knobs, on what machine, and how it ended. */
public record Run(String id, String commit, Boolean dirty, String suite, Map<String, Object> knobs, Long seed,
                  String startedAt, String finishedAt, Double durationSeconds, Integer exitCode,
                  List<String> unexpectedErrors, Machine machine, Emulator emulator) {

    public Run {
        knobs = knobs == null ? Map.of() : knobs;
        unexpectedErrors = unexpectedErrors == null ? List.of() : List.copyOf(unexpectedErrors);
    }

    /** The machine the run measured on; load averages are 1, 5 and 15 minutes. */
    public record Machine(Integer cores, Long memoryBytes, String java, String os,
                          List<Double> loadAverageStart, List<Double> loadAverageEnd) {}

    /** The emulator the run talked to. */
    public record Emulator(String url, Boolean startedByHarness, String heap) {}
}
