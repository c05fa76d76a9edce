package io.ppmlab.benchmarks;

import io.ppmlab.datasets.generator.CapacityCalculator;
import io.ppmlab.datasets.WorkCalendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Question: what does the capacity of ONE resource-year cost to compute? One resource on a weekday calendar (8 h) with
 * 10 holidays and 3 one-week vacations (the shape {@code lab measure capacity-fill} uses), 365 days. {@code hours}: the
 * day-by-day hours ({@code CapacityCalculator.hoursPerDay}); {@code totalHours}: the same summed, as a heat map's
 * capacity column needs. Read: microseconds per resource-year; × 2,000 resources × 4 years gives the pure computing
 * part of a full horizon fill (the rest of a fill is the store).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar CapacityBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class CapacityBenchmark {
    private static final LocalDate FROM = LocalDate.of(2027, 1, 1);
    private static final LocalDate TO = FROM.plusYears(1);
    private WorkCalendar calendar;

    @Setup
    public void setUp() {
        List<WorkCalendar.Exception> exceptions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            LocalDate holiday = FROM.plusDays(17 + i * 35L);
            exceptions.add(new WorkCalendar.Exception(holiday, holiday, BigDecimal.ZERO));
        }
        for (int i = 0; i < 3; i++) {
            LocalDate start = FROM.plusDays(60 + i * 110L);
            exceptions.add(new WorkCalendar.Exception(start, start.plusDays(6), BigDecimal.ZERO));
        }
        calendar = WorkCalendar.weekdays(BigDecimal.valueOf(8)).with(exceptions);
    }

    @Benchmark
    public BigDecimal[] hours() {
        return CapacityCalculator.hoursPerDay(calendar, FROM, TO);
    }

    @Benchmark
    public BigDecimal totalHours() {
        return CapacityCalculator.totalHours(calendar, FROM, TO);
    }
}
