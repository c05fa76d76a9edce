package io.ppmlab.datasets;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Working hours per weekday plus dated exceptions (holidays, vacations): what capacity rows are
 * generated from. The last exception covering a date wins.
 */
public record WorkCalendar(Map<DayOfWeek, BigDecimal> weekdayHours, List<Exception> exceptions) {

    /** Hours per day from {@code start} to {@code end}, both included. */
    public record Exception(LocalDate start, LocalDate end, BigDecimal hours) {}

    public WorkCalendar {
        weekdayHours = Map.copyOf(weekdayHours);
        exceptions = List.copyOf(exceptions);
    }

    /** Monday to Friday at {@code hours}, weekends off. */
    public static WorkCalendar weekdays(BigDecimal hours) {
        Map<DayOfWeek, BigDecimal> m = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            m.put(d, d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? BigDecimal.ZERO : hours);
        }
        return new WorkCalendar(m, List.of());
    }

    /** This calendar with more exceptions after its own (a resource's exceptions on top of its calendar's). */
    public WorkCalendar with(List<Exception> more) {
        return new WorkCalendar(weekdayHours, java.util.stream.Stream.concat(exceptions.stream(), more.stream()).toList());
    }

    public BigDecimal hoursOn(LocalDate date) {
        BigDecimal hours = weekdayHours.getOrDefault(date.getDayOfWeek(), BigDecimal.ZERO);
        for (Exception e : exceptions) {
            if (!date.isBefore(e.start()) && !date.isAfter(e.end())) hours = e.hours();
        }
        return hours;
    }
}
