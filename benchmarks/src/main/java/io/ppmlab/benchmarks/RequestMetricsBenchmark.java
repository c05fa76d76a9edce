package io.ppmlab.benchmarks;

import io.ppmlab.emulator.cost.Quantity;
import io.ppmlab.emulator.cost.Work;
import io.ppmlab.emulator.metrics.LabMetrics;
import io.ppmlab.emulator.metrics.Observation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What the metrics cost one request: recording a served request into the Prometheus meters (counters, a
 * server-time histogram per operation and table) and the per-request-name figures (HdrHistogram), on two
 * threads, over 20 request names and 4 operations.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar RequestMetricsBenchmark -f1 -wi 2 -i 3 -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(2)
public class RequestMetricsBenchmark {
    private LabMetrics metrics;
    private Work[] works;
    private String[] names;

    @Setup
    public void setUp() {
        metrics = new LabMetrics();
        String[] ops = {"retrieve", "query", "create", "update"};
        works = new Work[ops.length];
        for (int i = 0; i < ops.length; i++) {
            Work w = new Work();
            w.classify(ops[i], "sensei_project");
            w.add(Quantity.ROWS_FETCHED, 2);
            w.add(Quantity.ROWS_RETURNED, 1);
            works[i] = w;
        }
        names = new String[20];
        for (int i = 0; i < names.length; i++) names[i] = "pm.request." + i;
    }

    @Benchmark
    public void record() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        metrics.record(new Observation(names[r.nextInt(names.length)], 200, 150_000 + r.nextInt(100_000), 23.5,
                works[r.nextInt(works.length)], 1494, null));
    }
}
