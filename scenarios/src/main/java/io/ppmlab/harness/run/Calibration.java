package io.ppmlab.harness.run;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The run's own yardstick: the emulator's bare {@code GET /lab/health} (no token, no store) driven closed-loop by
 * {@code concurrency} clients for {@code measure} after {@code warmUp}, on the same machine and in the same minute as
 * the scenarios. Its throughput turns the run's timings into ratios that survive a machine twice as slow or busy.
 */
public final class Calibration {
    public record Result(String endpoint, double requestsPerSecond, double p50Ms, double p95Ms, long requests, double durationSeconds,
                         int concurrency) {}

    private Calibration() {}

    public static Result measure(String baseUrl, int concurrency, Duration warmUp, Duration measure) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/lab/health")).header("x-lab-request-name", "calibration").GET().build();
        loop(client, request, concurrency, warmUp);
        long t0 = System.nanoTime();
        List<Histogram> parts = loop(client, request, concurrency, measure);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Histogram all = new Histogram(60_000_000L, 3);
        parts.forEach(all::add);
        return new Result("/lab/health", Math.round(all.getTotalCount() / seconds * 10) / 10.0, all.getValueAtPercentile(50) / 1000.0,
                all.getValueAtPercentile(95) / 1000.0, all.getTotalCount(), Math.round(seconds * 1000) / 1000.0, concurrency);
    }

    private static List<Histogram> loop(HttpClient client, HttpRequest request, int concurrency, Duration length) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long end = System.nanoTime() + length.toNanos();
        List<Future<Histogram>> futures = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            futures.add(pool.submit(() -> {
                Histogram h = new Histogram(60_000_000L, 3);
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) throw new IOException("/lab/health answered " + r.statusCode());
                    h.recordValue(Math.max(1, (System.nanoTime() - s) / 1000));
                }
                return h;
            }));
        }
        List<Histogram> out = new ArrayList<>();
        try {
            for (Future<Histogram> f : futures) out.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("calibration failed: " + (e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getCause().toString()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }
}
