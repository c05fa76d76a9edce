package io.ppmlab.reports.gate;

/** Which change of a figure is a regression. */
public enum Direction {
    /** Any change beyond the tolerance: the behaviour changed (requests made, refusals, verdicts). */
    ANY_CHANGE,
    /** A cost: more is a regression, less is an improvement. */
    HIGHER_IS_WORSE,
    /** A level: less is a regression (a limit verdict that stopped passing). */
    LOWER_IS_WORSE
}
