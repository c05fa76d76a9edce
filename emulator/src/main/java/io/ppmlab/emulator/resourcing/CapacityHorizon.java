package io.ppmlab.emulator.resourcing;

import io.ppmlab.emulator.errors.ErrorCode;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The capacity horizon setting: whole years kept behind and ahead of today (the emulator clock's date). The
 * product's default is 1 behind and 3 ahead; its maximum is 11 years in all, and a longer horizon is refused.
 */
public record CapacityHorizon(int yearsBehind, int yearsAhead) {
    public static final int MAX_YEARS = 11;
    public static final CapacityHorizon DEFAULT = new CapacityHorizon(1, 3);

    public CapacityHorizon {
        if (yearsBehind < 0 || yearsAhead < 0) {
            throw ErrorCode.BAD_REQUEST.error("The capacity horizon's years behind and ahead cannot be negative (got "
                    + yearsBehind + " behind, " + yearsAhead + " ahead).");
        }
        if (yearsBehind + yearsAhead < 1) throw ErrorCode.BAD_REQUEST.error("The capacity horizon must cover at least one year.");
        if (yearsBehind + yearsAhead > MAX_YEARS) {
            throw ErrorCode.CAPACITY_HORIZON_TOO_LONG.error(yearsBehind + yearsAhead, yearsBehind, yearsAhead, MAX_YEARS);
        }
    }

    public int years() { return yearsBehind + yearsAhead; }

    /** The days this horizon covers around {@code today}: from today minus the years behind to today plus the years ahead (excluded). */
    public Window window(LocalDate today) { return new Window(today.minusYears(yearsBehind), today.plusYears(yearsAhead)); }

    /** A range of days, {@code start} included, {@code end} excluded. */
    public record Window(LocalDate start, LocalDate end) {
        public Window {
            if (end.isBefore(start)) throw new IllegalArgumentException("window ends before it starts: " + start + " .. " + end);
        }

        public int days() { return (int) ChronoUnit.DAYS.between(start, end); }

        public boolean contains(LocalDate d) { return !d.isBefore(start) && d.isBefore(end); }
    }
}
