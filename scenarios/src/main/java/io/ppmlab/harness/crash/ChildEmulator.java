package io.ppmlab.harness.crash;

import io.ppmlab.harness.run.EmulatorProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One emulator process on the crash loop's data directory, launched from the server jar like every harness run
 * ({@link EmulatorProcess}). {@link #start} returns once it listens (so the store opened, journal replay included)
 * with what its output said about recovery; {@link #kill} is SIGKILL.
 */
final class ChildEmulator {
    /** {@code RecoveryReport.summary()}, printed by the server before it listens. */
    private static final String RECOVERY_PREFIX = "journal: ";
    /** What the store logs when Chronicle's recovery repairs a map segment at open ({@code MapOpener}). */
    private static final Pattern REPAIR = Pattern.compile("recovering map of (\\S+):");
    private static final Pattern LISTENING = Pattern.compile("listening on http://");
    /** A process ended by signal n exits with 128 + n on Linux: 137 is SIGKILL. */
    static final int KILLED_BY_SIGKILL = 128 + 9;

    private final EmulatorProcess process;
    private final String recovery;
    private final List<String> repairedMaps;
    private final long startMillis;

    private ChildEmulator(EmulatorProcess process, String recovery, List<String> repairedMaps, long startMillis) {
        this.process = process;
        this.recovery = recovery;
        this.repairedMaps = List.copyOf(repairedMaps);
        this.startMillis = startMillis;
    }

    /**
     * Starts the process and waits until it listens; its output goes to {@code log}.
     *
     * @throws IllegalStateException when it exits or does not listen within {@code timeout} (the store did not open):
     *                               the message holds its last lines of output
     */
    static ChildEmulator start(List<String> command, Path log, Duration timeout) {
        long t0 = System.nanoTime();
        EmulatorProcess process;
        try {
            process = EmulatorProcess.start(command, log, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        // Every line up to the listening one is in the log by now: the process's reader writes a line before it looks for the port.
        String recovery = null;
        List<String> repaired = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith(RECOVERY_PREFIX)) recovery = line;
                Matcher repair = REPAIR.matcher(line);
                if (repair.find()) repaired.add(repair.group(1));
                if (LISTENING.matcher(line).find()) break;
            }
        } catch (IOException e) {
            process.close();
            throw new UncheckedIOException("cannot read the emulator's output " + log, e);
        }
        return new ChildEmulator(process, recovery == null ? "(no recovery line)" : recovery, repaired, millis);
    }

    String baseUrl() { return process.baseUrl(); }

    /** The store's recovery summary from this start ({@code journal: replayed ...} or {@code journal: empty ...}). */
    String recovery() { return recovery; }

    /** Tables whose map Chronicle's recovery repaired at this start, once per repaired segment. */
    List<String> repairedMaps() { return repairedMaps; }

    /** From process start to listening: JVM start, store open with journal replay, security model, server. */
    long startMillis() { return startMillis; }

    /** SIGKILL: no shutdown hook, no flush. Returns the exit status, 137 when it worked. */
    int kill() {
        int status = process.kill();
        if (status < 0) throw new IllegalStateException("the emulator process did not end within 60 s of its kill");
        return status;
    }

    /** SIGTERM: the server's shutdown hook closes the store cleanly. */
    void stop() { process.close(); }

    /** For the run's clean-up on Ctrl-C. */
    EmulatorProcess process() { return process; }
}
