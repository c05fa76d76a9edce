package io.ppmlab.emulator.resourcing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The resource-year measure of the save limit: the documented shapes are exactly 45. */
class ResourceYearsTest {
    static final BigDecimal LIMIT = BigDecimal.valueOf(45);

    static Map<Integer, List<ResourceYears.DayRange>> shape(int resources, LocalDate first, LocalDate last) {
        Map<Integer, List<ResourceYears.DayRange>> m = new HashMap<>();
        for (int r = 0; r < resources; r++) m.put(r, new ArrayList<>(List.of(new ResourceYears.DayRange(first, last))));
        return m;
    }

    @Test
    void ninetyResourcesForSixMonthsAreFortyFive() {
        for (int year : new int[] {2025, 2028}) { // 2028 is a leap year: February has 29 days, still one month
            ResourceYears y = ResourceYears.of(shape(90, LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30)));
            assertThat(y.years()).isEqualByComparingTo("45");
            assertThat(y.resources()).isEqualTo(90);
            assertThat(y.exceeds(LIMIT)).isFalse();
        }
        // six months that do not start on the 1st: 15 January to 14 July
        assertThat(ResourceYears.of(shape(90, LocalDate.of(2025, 1, 15), LocalDate.of(2025, 7, 14))).years()).isEqualByComparingTo("45");
    }

    @Test
    void fifteenResourcesForThreeYearsAreFortyFive() {
        ResourceYears y = ResourceYears.of(shape(15, LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31)));
        assertThat(y.years()).isEqualByComparingTo("45");
        assertThat(y.exceeds(LIMIT)).isFalse();
    }

    @Test
    void fortyFivePointOneIsOverTheLimit() {
        Map<Integer, List<ResourceYears.DayRange>> m = shape(90, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30));
        // one more resource for June (1 month) and 6 days of April (6/30 of a month): 1.2 months = 0.1 year
        m.put(90, List.of(new ResourceYears.DayRange(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 6)),
                new ResourceYears.DayRange(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30))));
        ResourceYears y = ResourceYears.of(m);
        assertThat(y.years()).isEqualByComparingTo("45.1");
        assertThat(y.exceeds(LIMIT)).isTrue();
        assertThat(y.exceeds(new BigDecimal("45.1"))).isFalse();
    }

    @Test
    void oneDayMoreThanFortyFiveIsOver() {
        Map<Integer, List<ResourceYears.DayRange>> m = shape(15, LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31));
        m.put(15, List.of(new ResourceYears.DayRange(LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 3))));
        assertThat(ResourceYears.of(m).exceeds(LIMIT)).isTrue();
        assertThat(ResourceYears.of(m).units()).isEqualTo(45 * ResourceYears.YEAR_UNITS + ResourceYears.MONTH_UNITS / 28);
    }

    @Test
    void daysAreCountedOncePerResourceAndDailyRowsAddUpLikeOneRange() {
        List<ResourceYears.DayRange> daily = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.isBefore(LocalDate.of(2025, 7, 1)); d = d.plusDays(1)) {
            daily.add(new ResourceYears.DayRange(d, d));
        }
        daily.add(new ResourceYears.DayRange(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31))); // overlaps March again
        assertThat(ResourceYears.of(Map.of("r", daily)).years()).isEqualByComparingTo("0.5");
    }

    @Test
    void unitsOfSingleDaysAreAFractionOfTheirMonth() {
        assertThat(ResourceYears.units(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28))).isEqualTo(ResourceYears.MONTH_UNITS);
        assertThat(ResourceYears.units(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29))).isEqualTo(ResourceYears.MONTH_UNITS);
        assertThat(ResourceYears.units(LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 1)))
                .isEqualTo(ResourceYears.MONTH_UNITS / 31 + ResourceYears.MONTH_UNITS / 28);
        for (int n = 28; n <= 31; n++) assertThat(ResourceYears.MONTH_UNITS % n).isZero();
    }
}
