package io.ppmlab.harness.run;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * What the person running the lab sees: one line per phase with the time since the start, and the scenarios' live
 * line (per persona: requests, errors, p95 so far) redrawn in place on a terminal, or every 10 s in a log.
 */
public final class Console {
    private final PrintStream out;
    private final boolean terminal;
    private final Instant start = Instant.now();
    private long lastPrinted;
    private boolean liveOpen;

    public Console(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    public static Console system() {
        return new Console(System.out, System.console() != null && !"true".equals(System.getenv("CI")));
    }

    public synchronized void phase(String text) {
        endLive();
        out.printf("[%s] %s%n", elapsed(), text);
        out.flush();
    }

    public synchronized void info(String text) {
        endLive();
        out.println("           " + text);
        out.flush();
    }

    public synchronized void live(String text) {
        if (terminal) {
            String line = "[" + elapsed() + "] " + text;
            out.print("\r" + (line.length() > 200 ? line.substring(0, 200) : line) + "\u001b[K");
            out.flush();
            liveOpen = true;
        } else if (System.currentTimeMillis() - lastPrinted >= 10_000) {
            lastPrinted = System.currentTimeMillis();
            out.println("[" + elapsed() + "] " + text);
            out.flush();
        }
    }

    public synchronized void endLive() {
        if (liveOpen) out.println();
        liveOpen = false;
    }

    public PrintStream out() { return out; }

    private String elapsed() {
        long s = Duration.between(start, Instant.now()).toSeconds();
        return String.format("%02d:%02d", s / 60, s % 60);
    }
}
