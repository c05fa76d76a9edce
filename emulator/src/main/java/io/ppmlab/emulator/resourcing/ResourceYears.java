package io.ppmlab.emulator.resourcing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How many resource-years a save touches, the measure of the documented save limit ("45 resource years: 90
 * resources for 6 months, 15 resources for 3 years"). For each resource, every calendar day the save covers
 * counts as {@code 1 / (days in its month)} of a month, and twelve months make a year; the save's total is the
 * sum over its resources. A whole calendar month is therefore exactly 1/12 whatever its length, so 90 resources
 * × January–June and 15 resources × three calendar years are both exactly 45. Days are counted once per
 * resource however many rows cover them.
 *
 * <p>Exact: a day of a month of {@code n} days is {@code MONTH_UNITS / n} units, a whole number because
 * {@code MONTH_UNITS} is the least common multiple of 28, 29, 30 and 31.
 *
 * @param units     the total in units ({@link #YEAR_UNITS} per resource-year)
 * @param resources how many resources the save touches
 */
public record ResourceYears(long units, int resources) {
    /** lcm(28, 29, 30, 31). */
    public static final long MONTH_UNITS = 377_580;
    public static final long YEAR_UNITS = 12 * MONTH_UNITS;

    /** Days from {@code first} to {@code last}, both included. */
    public record DayRange(LocalDate first, LocalDate last) {
        public DayRange {
            if (last.isBefore(first)) throw new IllegalArgumentException("range ends before it starts: " + first + " .. " + last);
        }
    }

    /** The resource-years of the given day ranges per resource (overlapping ranges of one resource count once). */
    public static <K> ResourceYears of(Map<K, List<DayRange>> rangesByResource) {
        long total = 0;
        int resources = 0;
        for (List<DayRange> ranges : rangesByResource.values()) {
            if (ranges.isEmpty()) continue;
            resources++;
            for (DayRange r : union(ranges)) total += units(r.first(), r.last());
        }
        return new ResourceYears(total, resources);
    }

    /** Units of the days from {@code first} to {@code last}, both included. */
    public static long units(LocalDate first, LocalDate last) {
        long units = 0;
        LocalDate d = first;
        while (!d.isAfter(last)) {
            int length = d.lengthOfMonth();
            LocalDate monthEnd = d.withDayOfMonth(length);
            LocalDate segmentEnd = monthEnd.isBefore(last) ? monthEnd : last;
            units += (long) (segmentEnd.getDayOfMonth() - d.getDayOfMonth() + 1) * (MONTH_UNITS / length);
            d = segmentEnd.plusDays(1);
        }
        return units;
    }

    /** The value in resource-years, to 4 decimals (for messages and responses; comparisons use {@link #exceeds}). */
    public BigDecimal years() {
        return BigDecimal.valueOf(units).divide(BigDecimal.valueOf(YEAR_UNITS), 4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** Whether this is more than {@code limit} resource-years, exactly. */
    public boolean exceeds(BigDecimal limit) {
        return BigDecimal.valueOf(units).compareTo(limit.multiply(BigDecimal.valueOf(YEAR_UNITS))) > 0;
    }

    private static List<DayRange> union(List<DayRange> ranges) {
        List<DayRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(DayRange::first));
        List<DayRange> out = new ArrayList<>();
        DayRange open = null;
        for (DayRange r : sorted) {
            if (open == null) {
                open = r;
            } else if (!r.first().isAfter(open.last().plusDays(1))) {
                if (r.last().isAfter(open.last())) open = new DayRange(open.first(), r.last());
            } else {
                out.add(open);
                open = r;
            }
        }
        if (open != null) out.add(open);
        return out;
    }
}
