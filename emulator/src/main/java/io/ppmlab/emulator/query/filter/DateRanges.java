package io.ppmlab.emulator.query.filter;

import io.ppmlab.emulator.odata.ODataErrors;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * The date query functions as ranges of instants, in UTC (the emulator has no per-user time zone). Weeks start
 * on Sunday, as for an en-US user. Fiscal-period functions are refused: the emulator has no fiscal settings.
 */
final class DateRanges {
    static final Set<String> NO_VALUE = Set.of("Today", "Yesterday", "Tomorrow", "Last7Days", "Next7Days",
            "ThisWeek", "LastWeek", "NextWeek", "ThisMonth", "LastMonth", "NextMonth", "ThisYear", "LastYear", "NextYear");

    private DateRanges() {}

    static boolean isDateFunction(String name) {
        return NO_VALUE.contains(name) || name.startsWith("LastX") || name.startsWith("NextX")
                || name.startsWith("OlderThanX") || name.equals("On") || name.equals("OnOrAfter") || name.equals("OnOrBefore");
    }

    /**
     * @param value PropertyValue as text (a count or a date), null for the functions without one; a value that is
     *              not a date, or a count that takes the range beyond the calendar, is the client's error (400)
     */
    static Range.Bounds bounds(String name, String value, Instant now) {
        try {
            return unchecked(name, value, now);
        } catch (DateTimeException | ArithmeticException e) {
            String text = value == null ? "" : value.length() > 100 ? value.substring(0, 100) + "..." : value;
            throw ODataErrors.syntax("The value '" + text + "' is not valid for " + name + ".");
        }
    }

    private static Range.Bounds unchecked(String name, String value, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        switch (name) {
            case "Today": return day(today, 0, 1);
            case "Yesterday": return day(today, -1, 0);
            case "Tomorrow": return day(today, 1, 2);
            case "Last7Days": return day(today, -7, 1);
            case "Next7Days": return day(today, 0, 8);
            case "ThisWeek": return week(today, 0);
            case "LastWeek": return week(today, -1);
            case "NextWeek": return week(today, 1);
            case "ThisMonth": return month(today, 0);
            case "LastMonth": return month(today, -1);
            case "NextMonth": return month(today, 1);
            case "ThisYear": return year(today, 0);
            case "LastYear": return year(today, -1);
            case "NextYear": return year(today, 1);
            case "On": return day(Values.date(value), 0, 1);
            case "OnOrAfter": return new Range.Bounds(Values.startOf(Values.date(value)), true, null, false);
            case "OnOrBefore": return new Range.Bounds(null, false, Values.startOf(Values.date(value).plusDays(1)), false);
            default: break;
        }
        long x = count(name, value);
        ZonedDateTime z = now.atZone(ZoneOffset.UTC);
        if (name.startsWith("LastX")) {
            String unit = name.substring(5);
            if (unit.equals("Hours")) return Range.Bounds.closed(now.minus(x, ChronoUnit.HOURS), now);
            return Range.Bounds.halfOpen(Values.startOf(minus(today, unit, x)), Values.startOf(today.plusDays(1)));
        }
        if (name.startsWith("NextX")) {
            String unit = name.substring(5);
            if (unit.equals("Hours")) return Range.Bounds.closed(now, now.plus(x, ChronoUnit.HOURS));
            return Range.Bounds.halfOpen(Values.startOf(today), Values.startOf(minus(today, unit, -x).plusDays(1)));
        }
        if (name.startsWith("OlderThanX")) {
            String unit = name.substring(10);
            Instant limit = switch (unit) {
                case "Minutes" -> now.minus(x, ChronoUnit.MINUTES);
                case "Hours" -> now.minus(x, ChronoUnit.HOURS);
                case "Days" -> z.minusDays(x).toInstant();
                case "Weeks" -> z.minusWeeks(x).toInstant();
                case "Months" -> z.minusMonths(x).toInstant();
                case "Years" -> z.minusYears(x).toInstant();
                default -> throw unsupported(name);
            };
            return new Range.Bounds(null, false, limit, false);
        }
        throw unsupported(name);
    }

    private static LocalDate minus(LocalDate d, String unit, long x) {
        return switch (unit) {
            case "Days" -> d.minusDays(x);
            case "Weeks" -> d.minusWeeks(x);
            case "Months" -> d.minusMonths(x);
            case "Years" -> d.minusYears(x);
            default -> throw unsupported("X" + unit);
        };
    }

    private static long count(String name, String value) {
        if (value == null) throw ODataErrors.syntax("Missing PropertyValue in " + name + ".");
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ODataErrors.syntax("PropertyValue of " + name + " must be a whole number: " + value);
        }
    }

    private static Range.Bounds day(LocalDate d, int from, int to) {
        return Range.Bounds.halfOpen(Values.startOf(d.plusDays(from)), Values.startOf(d.plusDays(to)));
    }

    private static Range.Bounds week(LocalDate d, int offset) {
        LocalDate start = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).plusWeeks(offset);
        return Range.Bounds.halfOpen(Values.startOf(start), Values.startOf(start.plusWeeks(1)));
    }

    private static Range.Bounds month(LocalDate d, int offset) {
        LocalDate start = d.withDayOfMonth(1).plusMonths(offset);
        return Range.Bounds.halfOpen(Values.startOf(start), Values.startOf(start.plusMonths(1)));
    }

    private static Range.Bounds year(LocalDate d, int offset) {
        LocalDate start = d.withDayOfYear(1).plusYears(offset);
        return Range.Bounds.halfOpen(Values.startOf(start), Values.startOf(start.plusYears(1)));
    }

    static RuntimeException unsupported(String name) {
        return ODataErrors.notSupported("The query function Microsoft.Dynamics.CRM." + name + " (fiscal settings are not emulated)");
    }
}
