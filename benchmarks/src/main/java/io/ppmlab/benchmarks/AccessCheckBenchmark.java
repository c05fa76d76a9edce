package io.ppmlab.benchmarks;

import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.emulator.security.AccessEvaluator;
import io.ppmlab.emulator.security.CallerReach;
import io.ppmlab.emulator.security.ListFilter;
import io.ppmlab.emulator.security.ReadScope;
import io.ppmlab.emulator.security.RowSecurity;
import io.ppmlab.roles.Privilege;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What does the security model cost per request and per row? On the demo organisation:
 * {@code reach} builds a caller's reach (once per request on a cache miss), {@code check} is the
 * per-row Read decision on a project, {@code scope} derives the list filter, {@code canRead} is its
 * per-row test. Numbers are ns per call; the per-row ones must stay far below an HTTP request (~25 µs).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar AccessCheck -f1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dchronicle.analytics.disable=true")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class AccessCheckBenchmark {
    /** blue: Portfolio Manager reading by Business Unit; red: reading through team ownership across BUs; admin: Organization. */
    @Param({"blue", "red", "admin"})
    public String user;

    private DemoSecurity demo;
    private UUID userId;
    private CallerReach reach;
    private RowSecurity project;
    private ReadScope scope;

    @Setup
    public void setUp() {
        demo = new DemoSecurity();
        userId = DemoOrganisation.userId(user);
        reach = CallerReach.of(demo.model, userId);
        UUID projectId = DemoOrganisation.recordId("sensei_project", "IT Project 2");
        project = demo.facts.of(demo.store.get("sensei_project", projectId).orElseThrow());
        scope = ListFilter.readScope(reach, "sensei_project");
    }

    @Benchmark
    public CallerReach reach() { return CallerReach.of(demo.model, userId); }

    @Benchmark
    public Object check() { return AccessEvaluator.check(reach, project, Privilege.READ); }

    @Benchmark
    public ReadScope scope() { return ListFilter.readScope(reach, "sensei_project"); }

    @Benchmark
    public boolean canRead() { return scope.canRead(project); }
}
