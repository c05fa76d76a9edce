package io.ppmlab.reports.ab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a suite of one checkout into a results folder. The command is a template ({@code {tree}}, {@code {suite}},
 * {@code {out}} replaced; split on spaces), by default the checkout's own {@code ./lab run}, so each build runs with
 * its own jars.
 */
public final class SuiteRunner {
    public static final String DEFAULT_COMMAND = "{tree}/lab run --suite {suite} --out {out}";
    private final String template;

    public SuiteRunner(String template) {
        this.template = template == null ? DEFAULT_COMMAND : template;
    }

    /** Runs the suite with the output shown; returns the command's exit code (the results folder may exist either way). */
    public int run(Path tree, String suite, Path out) {
        List<String> cmd = new ArrayList<>();
        for (String part : template.trim().split("\\s+")) {
            cmd.add(part.replace("{tree}", tree.toString()).replace("{suite}", suite).replace("{out}", out.toString()));
        }
        System.err.println("[gate] " + String.join(" ", cmd));
        try {
            Process p = new ProcessBuilder(cmd).directory(tree.toFile()).inheritIO().start();
            return p.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd, e);
        }
    }
}
