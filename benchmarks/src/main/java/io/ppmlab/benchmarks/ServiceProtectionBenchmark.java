package io.ppmlab.benchmarks;

import io.ppmlab.emulator.protection.Admission;
import io.ppmlab.emulator.protection.ProtectionSettings;
import io.ppmlab.emulator.protection.ServiceProtection;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What service protection costs one request: admit, charge the modelled time, release; on two threads
 * (the machine's cores), either all as one user (every request contends for the same window: the worst
 * case, a single integration account) or spread over 1,000 users. Limits are raised so nothing is refused:
 * the figure is the cost of the bookkeeping every admitted request pays. Compare with the request's own
 * time (tens of microseconds, see http-ratio.sh).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ServiceProtectionBenchmark -f1 -wi 2 -i 3 -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(2)
public class ServiceProtectionBenchmark {
    @Param({"1", "1000"})
    int users;

    @Param({"1", "4"})
    int webServers;

    private ServiceProtection protection;
    private UUID[] ids;

    @Setup
    public void setUp() {
        protection = ServiceProtection.realTime(new ProtectionSettings(true, Integer.MAX_VALUE, Duration.ofSeconds(300),
                Long.MAX_VALUE / 4_000_000, 1_000_000, Duration.ofSeconds(1), webServers));
        ids = new UUID[users];
        for (int i = 0; i < users; i++) ids[i] = UUID.randomUUID();
    }

    @Benchmark
    public long admitChargeRelease() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        try (Admission a = protection.admit(ids[r.nextInt(users)], r.nextInt(webServers))) {
            a.charge(23.5);
            return a.requestsLeft();
        }
    }
}
