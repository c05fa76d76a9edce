package io.ppmlab.datasets.generator;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.ppmlab.datasets.generator.SmallOrgs.SCHEMA;
import static io.ppmlab.datasets.generator.SmallOrgs.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generator refuses settings that would make it write values Dataverse refuses or rounds, through the same
 * ranges the API enforces ({@code ValueRanges}): before a row reaches the sink, so nothing half-written is left.
 */
class GeneratorRangesTest {

    @Test
    void anAsOfDateTooCloseTo1753IsRefusedUpFront() {
        assertThatThrownBy(() -> Profile.load("limits").settings(small(1).withAsOf(LocalDate.of(1753, 6, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1753-01-01 to 9999-12-31");
        assertThatThrownBy(() -> Profile.load("limits").settings(small(1).withAsOf(LocalDate.of(9999, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside Dataverse's dates");
    }

    @Test
    void calendarHoursBeyondTheDecimalPrecisionStopTheGenerationBeforeAnyCalendarRow() {
        List<String> tables = new ArrayList<>();
        Settings bad = withMondayHours(new BigDecimal("7.123456789012345"));
        assertThatThrownBy(() -> OrganisationGenerator.prepare(bad, SCHEMA).run(r -> tables.add(r.table())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sensei_enterprisecalendar").hasMessageContaining("more than 10 decimal places");
        assertThat(tables).doesNotContain("sensei_enterprisecalendar");
    }

    @Test
    void calendarHoursOutsideTheDecimalRangeStopTheGeneration() {
        Settings bad = withMondayHours(new BigDecimal("1e12"));
        assertThatThrownBy(() -> OrganisationGenerator.prepare(bad, SCHEMA).run(r -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the valid range");
    }

    private static Settings withMondayHours(BigDecimal hours) {
        Settings s = Profile.load("limits").settings(small(3));
        List<Settings.CalendarSpec> calendars = new ArrayList<>();
        for (Settings.CalendarSpec c : s.calendars()) {
            List<BigDecimal> week = new ArrayList<>(c.hours());
            week.set(0, hours);
            calendars.add(new Settings.CalendarSpec(c.name(), week, c.weight()));
        }
        return new Settings(s.profile(), s.about(), s.fixed(), s.asOf(), s.seed(), s.teamStrategy(), s.counts(), s.parameters(),
                s.distributions(), s.roleMix(), s.extraRoleMix(), calendars, s.holidays());
    }
}
