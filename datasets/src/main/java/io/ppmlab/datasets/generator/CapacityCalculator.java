package io.ppmlab.datasets.generator;

import io.ppmlab.datasets.WorkCalendar;
import io.ppmlab.schema.Row;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Capacity from calendars: hours a resource can work on each day, from its enterprise calendar's
 * weekday hours, the calendar's exceptions (holidays) and the resource's own exceptions (vacations), the
 * later exception winning where two cover a day (the rule of {@link WorkCalendar#hoursOn}). Pure: the
 * generator uses it to write capacity rows and the emulator can use it to recompute them when a
 * calendar changes.
 */
public final class CapacityCalculator {
    private static final List<String> WEEKDAY_COLUMNS = List.of("sensei_mondayhours", "sensei_tuesdayhours", "sensei_wednesdayhours",
            "sensei_thursdayhours", "sensei_fridayhours", "sensei_saturdayhours", "sensei_sundayhours");

    private CapacityCalculator() {}

    /** Hours on each day from {@code from} (included) to {@code to} (excluded); index 0 is {@code from}. */
    public static BigDecimal[] hoursPerDay(WorkCalendar calendar, LocalDate from, LocalDate to) {
        int days = (int) ChronoUnit.DAYS.between(from, to);
        if (days < 0) throw new IllegalArgumentException("range ends before it starts: " + from + " .. " + to);
        BigDecimal[] out = new BigDecimal[days];
        BigDecimal[] week = new BigDecimal[7];
        for (DayOfWeek d : DayOfWeek.values()) week[d.getValue() - 1] = calendar.weekdayHours().getOrDefault(d, BigDecimal.ZERO);
        int first = from.getDayOfWeek().getValue() - 1;
        for (int i = 0; i < days; i++) out[i] = week[(first + i) % 7];
        for (WorkCalendar.Exception e : calendar.exceptions()) {
            long start = Math.max(0, ChronoUnit.DAYS.between(from, e.start()));
            long end = Math.min(days - 1L, ChronoUnit.DAYS.between(from, e.end()));
            BigDecimal hours = e.hours() == null ? BigDecimal.ZERO : e.hours();
            for (long i = start; i <= end; i++) out[(int) i] = hours;
        }
        return out;
    }

    /** Visits each day of the range with its hours, in date order. */
    public static void forEachDay(WorkCalendar calendar, LocalDate from, LocalDate to, BiConsumer<LocalDate, BigDecimal> visitor) {
        BigDecimal[] hours = hoursPerDay(calendar, from, to);
        LocalDate d = from;
        for (BigDecimal h : hours) {
            visitor.accept(d, h);
            d = d.plusDays(1);
        }
    }

    /** Total hours over the range. */
    public static BigDecimal totalHours(WorkCalendar calendar, LocalDate from, LocalDate to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal h : hoursPerDay(calendar, from, to)) sum = sum.add(h);
        return sum;
    }

    /** Days of the range with more than zero hours. */
    public static int workingDays(WorkCalendar calendar, LocalDate from, LocalDate to) {
        int n = 0;
        for (BigDecimal h : hoursPerDay(calendar, from, to)) if (h.signum() > 0) n++;
        return n;
    }

    /**
     * A resource's calendar from stored rows: the {@code sensei_enterprisecalendar} row's weekday hours, then
     * its {@code sensei_calendarexception} rows, then the resource's own exception rows, each group in start-date
     * order (ties by id), so a resource's vacation overrides a holiday and not the other way round.
     */
    public static WorkCalendar fromRows(Row enterpriseCalendar, List<Row> calendarExceptions, List<Row> resourceExceptions) {
        Map<DayOfWeek, BigDecimal> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            Object h = enterpriseCalendar.get(WEEKDAY_COLUMNS.get(d.getValue() - 1));
            week.put(d, h instanceof BigDecimal b ? b : BigDecimal.ZERO);
        }
        List<WorkCalendar.Exception> exceptions = new ArrayList<>(exceptions(calendarExceptions));
        exceptions.addAll(exceptions(resourceExceptions));
        return new WorkCalendar(week, exceptions);
    }

    private static List<WorkCalendar.Exception> exceptions(List<Row> rows) {
        return rows.stream()
                .filter(r -> r.get("sensei_startdate") instanceof LocalDate && r.get("sensei_enddate") instanceof LocalDate)
                .sorted(Comparator.comparing((Row r) -> (LocalDate) r.get("sensei_startdate")).thenComparing(Row::id))
                .map(r -> new WorkCalendar.Exception((LocalDate) r.get("sensei_startdate"), (LocalDate) r.get("sensei_enddate"),
                        r.get("sensei_hours") instanceof BigDecimal b ? b : BigDecimal.ZERO))
                .toList();
    }
}
