package io.ppmlab.harness.crash;

/** What became of one save after a kill and restart: all its cells, none of them, or a mixture (the failure). */
public enum SaveOutcome {
    /** Every cell carries the save's hours. */
    WHOLE,
    /** The plan is exactly as it was before the save (no rows for a new plan, the previous hours for a re-save). */
    ABSENT,
    /** Anything else: part of the save, or something no save wrote. */
    MIXED;

    static SaveOutcome judge(PlanReading found, PlanReading before, PlanReading after) {
        if (found.equals(after)) return WHOLE;
        if (found.equals(before)) return ABSENT;
        return MIXED;
    }
}
