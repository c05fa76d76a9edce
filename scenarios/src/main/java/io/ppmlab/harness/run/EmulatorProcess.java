package io.ppmlab.harness.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator as its own process (own JVM and heap, a free port chosen by the server itself), its output in
 * {@code emulator.log}. {@link #close} stops it with SIGTERM (the store closes cleanly), then SIGKILL after 30 s; the
 * harness also registers a shutdown hook so that Ctrl-C leaves no process behind.
 */
public final class EmulatorProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final String baseUrl;
    private final Deque<String> tail;

    private EmulatorProcess(Process process, int port, Deque<String> tail) {
        this.process = process;
        this.baseUrl = "http://127.0.0.1:" + port;
        this.tail = tail;
    }

    /** The command line for {@code serve} on {@code dataDir}: capacity upkeep off (the organisation is measured as generated). */
    public static List<String> command(Path jar, Path dataDir, String heap, Path tmp, List<String> extraServeArgs) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseG1GC", "-Dchronicle.analytics.disable=true",
                "-Djava.io.tmpdir=" + tmp, "-Djna.tmpdir=" + tmp, "-Dlab.capacity.maintain=false",
                "-jar", jar.toString(), "serve", "--port", "0", "--data-dir", dataDir.toString()));
        cmd.addAll(extraServeArgs);
        return cmd;
    }

    public static EmulatorProcess start(List<String> command, Path log, Duration timeout) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Deque<String> tail = new ArrayDeque<>();
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 30) tail.removeFirst();
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (!listening.isDone() && m.find()) listening.complete(Integer.parseInt(m.group(1)));
                }
            } catch (IOException e) {
                // the pipe closes with the process
            } finally {
                out.close();
                listening.completeExceptionally(new IllegalStateException("the emulator exited before it listened"));
            }
        }, "emulator-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new EmulatorProcess(process, listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS), tail);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            String why = e instanceof TimeoutException ? "did not listen within " + timeout.toSeconds() + " s" : e.getCause().getMessage();
            synchronized (tail) {
                throw new IllegalStateException("the emulator " + why + " (log: " + log + "); last lines:\n  " + String.join("\n  ", tail));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the emulator started", e);
        }
    }

    public String baseUrl() { return baseUrl; }

    public boolean alive() { return process.isAlive(); }

    /** Whether the process has ended or ends within {@code wait}. */
    public boolean endsWithin(Duration wait) {
        try {
            return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    public long pid() { return process.pid(); }

    /** The process's CPU time so far (user + system, all threads), or null where the OS does not tell. */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(null);
    }

    /** The last lines it printed (for a message when it died). */
    public String tail() {
        synchronized (tail) {
            return String.join("\n  ", tail);
        }
    }

    /**
     * SIGKILL, as {@code kill -9} ({@code crash}): no shutdown hook runs, nothing is flushed. The exit status (137 when
     * the signal ended it), or -1 when the process did not end within a minute.
     */
    public int kill() {
        process.destroyForcibly();
        try {
            return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
