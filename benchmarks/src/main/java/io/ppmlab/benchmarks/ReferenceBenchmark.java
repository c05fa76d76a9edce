package io.ppmlab.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The same-run reference for JMH timings: a fixed amount of CPU work (JMH's own {@code Blackhole.consumeCPU}, whose
 * cost does not depend on this project's code). The gate divides every other benchmark's time by this one, so a
 * machine that is twice as busy moves both and the ratio stays. {@code ./lab bench} adds it to every run.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ReferenceBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReferenceBenchmark {
    @Benchmark
    public void consumeCpu() {
        Blackhole.consumeCPU(10_000);
    }
}
