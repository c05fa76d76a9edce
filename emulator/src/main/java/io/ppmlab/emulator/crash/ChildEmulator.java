package io.ppmlab.emulator.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One emulator process on the crash loop's data directory. {@link #start} returns once it listens (so the store
 * opened, journal replay included) with the recovery line it printed; {@link #kill} is SIGKILL.
 */
final class ChildEmulator {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");
    /** {@code RecoveryReport.summary()}, printed by the server before it listens. */
    private static final String RECOVERY_PREFIX = "journal: ";
    /** What the store logs when Chronicle's recovery repairs a map segment at open ({@code MapOpener}). */
    private static final Pattern REPAIR = Pattern.compile("recovering map of (\\S+):");
    /** A process ended by signal n exits with 128 + n on Linux: 137 is SIGKILL. */
    static final int KILLED_BY_SIGKILL = 128 + 9;

    private final Process process;
    private final int port;
    private final String recovery;
    private final List<String> repairedMaps;
    private final long startMillis;

    private ChildEmulator(Process process, int port, String recovery, List<String> repairedMaps, long startMillis) {
        this.process = process;
        this.port = port;
        this.recovery = recovery;
        this.repairedMaps = List.copyOf(repairedMaps);
        this.startMillis = startMillis;
    }

    /**
     * Starts the process and waits until it listens; every output line goes to {@code log}.
     *
     * @throws IllegalStateException when it exits or does not listen within {@code timeout} (the store did not open):
     *                               the message holds its last lines of output
     */
    static ChildEmulator start(ChildCommand command, Consumer<String> log, Duration timeout) {
        long t0 = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command.line()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.java(), e);
        }
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        String[] recovery = {null};
        List<String> repaired = new CopyOnWriteArrayList<>();
        Deque<String> tail = new ArrayDeque<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    log.accept(line);
                    if (listening.isDone()) continue;
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 40) tail.removeFirst();
                    }
                    if (line.startsWith(RECOVERY_PREFIX)) recovery[0] = line;
                    Matcher repair = REPAIR.matcher(line);
                    if (repair.find()) repaired.add(repair.group(1));
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) listening.complete(Integer.parseInt(m.group(1)));
                }
            } catch (IOException e) {
                // The pipe closes when the process is killed: nothing more to read.
            }
            listening.completeExceptionally(new IllegalStateException("the emulator exited before it listened"));
        }, "crash-child-output");
        reader.setDaemon(true);
        reader.start();
        try {
            int port = listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new ChildEmulator(process, port, recovery[0] == null ? "(no recovery line)" : recovery[0], repaired,
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            String why = e instanceof TimeoutException ? "did not listen within " + timeout.toSeconds() + " s" : e.getCause().getMessage();
            synchronized (tail) {
                throw new IllegalStateException(why + "; last output:\n" + String.join("\n", tail));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the emulator started", e);
        }
    }

    int port() { return port; }

    /** The store's recovery summary from this start ({@code journal: replayed ...} or {@code journal: empty ...}). */
    String recovery() { return recovery; }

    /** Tables whose map Chronicle's recovery repaired at this start, once per repaired segment. */
    List<String> repairedMaps() { return repairedMaps; }

    /** From process start to listening: JVM start, store open with journal replay, security model, server. */
    long startMillis() { return startMillis; }

    /** SIGKILL ({@code destroyForcibly} on Linux): no shutdown hook, no flush. Returns the exit status, 137 when it worked. */
    int kill() {
        process.destroyForcibly();
        return awaitExit();
    }

    /** SIGTERM: the server's shutdown hook closes the store cleanly. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        awaitExit();
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("the emulator process did not end within 60 s of its kill");
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the emulator process ended", e);
        }
    }
}
