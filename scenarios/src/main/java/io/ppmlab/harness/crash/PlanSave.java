package io.ppmlab.harness.crash;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/**
 * One save of a round: which project, what its plan held before, and the hours it gives every cell.
 *
 * @param number global save number; its hours ({@link #hoursOf}) are used by no other save, so a reading tells
 *               saves apart cell by cell
 */
record PlanSave(int number, Kind kind, UUID project, PlanReading before, BigDecimal hours) {

    /** A save into a project without a plan (every row created) or over an existing plan (every row updated). */
    enum Kind {
        CREATE, RESAVE;

        String label() { return name().toLowerCase(Locale.ROOT); }
    }

    /** 1.01, 1.02, ...: distinct per save, two decimals like Dataverse's default decimal column. */
    static BigDecimal hoursOf(int number) { return BigDecimal.valueOf(100L + number, 2); }

    PlanReading after() { return new PlanReading.Uniform(hours); }

    /** The save's reply must say it wrote every cell: created for a new plan, updated for a re-save. */
    String replyCountField() { return kind == Kind.CREATE ? "Created" : "Updated"; }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "save %d (%s of project %s, %s h)", number, kind.label(), project, hours.toPlainString());
    }
}
