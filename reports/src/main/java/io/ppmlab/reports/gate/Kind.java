package io.ppmlab.reports.gate;

/** The three kinds of figures the gate judges, each in its own way. */
public enum Kind {
    /** Counts, rows, bytes, modelled cost, allocation per operation: they move only when code or data does. */
    DETERMINISTIC,
    /** Timings divided by a reference measured in the same run; judged against a bound derived from measured noise. */
    RATIO,
    /** Timings of two builds run interleaved on one machine; judged by a confidence interval of the difference. */
    AB
}
