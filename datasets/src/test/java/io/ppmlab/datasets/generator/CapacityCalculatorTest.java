package io.ppmlab.datasets.generator;

import io.ppmlab.datasets.WorkCalendar;
import io.ppmlab.schema.Row;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapacityCalculatorTest {
    static final LocalDate FROM = LocalDate.of(2024, 12, 30); // a Monday
    static final WorkCalendar.Exception NEW_YEAR = new WorkCalendar.Exception(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), BigDecimal.ZERO);
    static final WorkCalendar.Exception VACATION = new WorkCalendar.Exception(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 3), BigDecimal.ZERO);
    static final WorkCalendar.Exception HALF_DAY = new WorkCalendar.Exception(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 2), BigDecimal.valueOf(4));

    @Test
    void weekdaysHolidaysAndVacations() {
        WorkCalendar cal = WorkCalendar.weekdays(BigDecimal.valueOf(8)).with(List.of(NEW_YEAR));
        BigDecimal[] h = CapacityCalculator.hoursPerDay(cal, FROM, FROM.plusDays(7));
        assertThat(h).containsExactly(n(8), n(8), n(0), n(8), n(8), n(0), n(0));
        assertThat(CapacityCalculator.workingDays(cal, FROM, FROM.plusDays(7))).isEqualTo(4);
        assertThat(CapacityCalculator.totalHours(cal, FROM, FROM.plusDays(7))).isEqualByComparingTo("32");
        BigDecimal[] withVacation = CapacityCalculator.hoursPerDay(cal.with(List.of(VACATION, HALF_DAY)), FROM, FROM.plusDays(7));
        assertThat(withVacation).containsExactly(n(8), n(0), n(0), n(4), n(0), n(0), n(0));
    }

    @Test
    void agreesWithWorkCalendarEveryDayOfFourYears() {
        WorkCalendar cal = WorkCalendar.weekdays(BigDecimal.valueOf(6)).with(List.of(NEW_YEAR, VACATION, HALF_DAY,
                new WorkCalendar.Exception(LocalDate.of(2023, 6, 1), LocalDate.of(2030, 1, 1), BigDecimal.ONE)));
        LocalDate from = LocalDate.of(2024, 1, 6);
        LocalDate to = from.plusYears(4);
        BigDecimal[] h = CapacityCalculator.hoursPerDay(cal, from, to);
        assertThat(h).hasSize(1461);
        LocalDate d = from;
        for (BigDecimal x : h) {
            assertThat(x).as(d.toString()).isEqualTo(cal.hoursOn(d));
            d = d.plusDays(1);
        }
    }

    @Test
    void fromStoredRowsResourceExceptionsWinOverCalendarOnes() {
        Map<String, Object> c = new LinkedHashMap<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) c.put("sensei_" + day + "hours", n(8));
        Row calendar = new Row("sensei_enterprisecalendar", UUID.randomUUID(), c);
        Row holiday = exception(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), n(0));
        Row workOnHoliday = exception(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), n(3));
        WorkCalendar cal = CapacityCalculator.fromRows(calendar, List.of(holiday), List.of(workOnHoliday));
        assertThat(CapacityCalculator.hoursPerDay(cal, FROM, FROM.plusDays(3))).containsExactly(n(8), n(8), n(3));
        assertThat(CapacityCalculator.hoursPerDay(CapacityCalculator.fromRows(calendar, List.of(holiday), List.of()), FROM, FROM.plusDays(3)))
                .containsExactly(n(8), n(8), n(0));
    }

    @Test
    void refusesABackwardsRange() {
        assertThatThrownBy(() -> CapacityCalculator.hoursPerDay(WorkCalendar.weekdays(n(8)), FROM, FROM.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Row exception(LocalDate from, LocalDate to, BigDecimal hours) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sensei_startdate", from);
        v.put("sensei_enddate", to);
        v.put("sensei_hours", hours);
        return new Row("sensei_calendarexception", UUID.randomUUID(), v);
    }

    private static BigDecimal n(long v) { return BigDecimal.valueOf(v); }
}
