package io.ppmlab.emulator.server;

import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delays answers without holding a server thread: the response is written when a timer fires, while
 * Jetty's thread goes back to the pool (Javalin's {@code ctx.future}). One timer thread serves every
 * waiting request.
 */
final class LatencyInjector implements AutoCloseable {
    private final LatencySettings settings;
    private final Random jitter;
    private final ScheduledExecutorService timer;

    LatencyInjector(LatencySettings settings) {
        this.settings = settings;
        this.jitter = new Random(settings.seed());
        this.timer = settings.mode() == LatencySettings.Mode.OFF ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lab-latency");
            t.setDaemon(true);
            return t;
        });
    }

    /** The delay for a request of this modelled cost, jitter included; 0 when injection is off. */
    long delayMicros(double modelledMs) {
        double ms = settings.delayMs(modelledMs);
        if (ms <= 0) return 0;
        if (settings.jitterPercent() > 0) ms *= 1 + (jitter.nextDouble() * 2 - 1) * settings.jitterPercent() / 100;
        return Math.max(0, Math.round(ms * 1000));
    }

    /** A future completed after {@code micros}. */
    CompletableFuture<Void> after(long micros) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        timer.schedule(() -> done.complete(null), micros, TimeUnit.MICROSECONDS);
        return done;
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
    }
}
