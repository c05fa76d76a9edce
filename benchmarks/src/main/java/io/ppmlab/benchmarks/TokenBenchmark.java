package io.ppmlab.benchmarks;

import io.ppmlab.emulator.auth.AuthSettings;
import io.ppmlab.emulator.auth.Identity;
import io.ppmlab.emulator.auth.InMemoryIdentityDirectory;
import io.ppmlab.emulator.auth.SigningKeys;
import io.ppmlab.emulator.auth.TokenIssuer;
import io.ppmlab.emulator.auth.TokenVerifier;
import io.ppmlab.emulator.auth.Verification;
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

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Question: what does checking a bearer token cost on every request, with and without the verified-token cache?
 * {@code cached}: the same token again (every request of a signed-in user after its first): a hash lookup and the
 * expiry check. {@code uncached}: two tokens alternating through a cache of one entry, so every check is a miss: the
 * RS256 signature check and the claims (what each new token costs). Read: the ratio uncached / cached is what the
 * cache saves per request. Run: {@code java -jar benchmarks/target/benchmarks.jar TokenBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class TokenBenchmark {
    private TokenVerifier withCache;
    private TokenVerifier missing;
    private String tokenA;
    private String tokenB;
    private boolean flip;

    @Setup
    public void setUp() {
        SigningKeys keys = SigningKeys.inMemory();
        UUID tenant = new UUID(7, 7);
        AuthSettings settings = AuthSettings.local("http://127.0.0.1:5555", tenant);
        Clock clock = Clock.systemUTC();
        TokenIssuer issuer = new TokenIssuer(keys, new InMemoryIdentityDirectory(), settings, clock);
        tokenA = issuer.accessTokenFor(Identity.user(new UUID(1, 1), new UUID(2, 1), "blue@contoso.test", tenant));
        tokenB = issuer.accessTokenFor(Identity.user(new UUID(1, 2), new UUID(2, 2), "green@contoso.test", tenant));
        withCache = new TokenVerifier(keys, settings, clock);
        missing = new TokenVerifier(keys, settings, clock, 1);
        if (!(withCache.verify(tokenA) instanceof Verification.Verified)) throw new IllegalStateException("the token does not verify");
    }

    @Benchmark
    public Verification cached() {
        return withCache.verify(tokenA);
    }

    @Benchmark
    public Verification uncached() {
        flip = !flip;
        return missing.verify(flip ? tokenA : tokenB);
    }
}
