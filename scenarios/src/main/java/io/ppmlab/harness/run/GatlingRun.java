package io.ppmlab.harness.run;

import io.ppmlab.harness.record.Recorder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Gatling in its own JVM ({@code io.gatling.app.Gatling}, the same class path as the harness), the simulation's
 * settings as {@code -D} properties ({@code sim/LabConfig}). Its console goes to {@code gatling.log}; the recorder's
 * progress lines go to {@code progress}; the error summary Gatling prints at the end is kept for the results.
 */
public final class GatlingRun {
    /** How it ended: Gatling's exit code (0 fine, 2 an assertion failed: some check failed) and its error summary lines. */
    public record Outcome(int exitCode, List<String> errors, String crash) {
        /** What went wrong, in one line, or null when the run ended normally. */
        public String problem() {
            if (exitCode == 0) return null;
            if (exitCode == 2) return "Gatling's assertion failed: some check of a response failed (its errors are listed)";
            return "Gatling crashed (exit " + exitCode + ")" + (crash == null ? "" : ": " + crash) + "; see gatling.log";
        }
    }

    private GatlingRun() {}

    public static Outcome run(String simulation, Map<String, String> properties, Path out, String heap, Consumer<String> progress,
                              ProcessRegistry processes) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // Gatling's own JVM options (as its Maven plugin sets them): it reads String internals through java.lang.
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseG1GC", "-XX:+ParallelRefProcEnabled", "-XX:MaxInlineLevel=20",
                "-XX:MaxTrivialSize=12", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Djava.util.prefs.userRoot=" + out.resolve("java-prefs"), "-Dlogback.configurationFile=lab-logback.xml"));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling", "-s", simulation,
                "-rf", out.resolve("gatling").toString(), "-rd", properties.getOrDefault("lab.suite", "lab")));
        Process p = processes.track(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        List<String> errors = new ArrayList<>();
        boolean inErrors = false;
        String crash = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(out.resolve("gatling.log"), StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(Recorder.PROGRESS_PREFIX)) {
                    progress.accept(line.substring(Recorder.PROGRESS_PREFIX.length()));
                    continue;
                }
                log.println(line);
                if (crash == null && (line.contains(" ERROR ") || line.startsWith("Exception in thread"))) crash = line.trim();
                if (line.startsWith("---- Errors")) inErrors = true;
                else if (inErrors && line.startsWith("====")) inErrors = false;
                else if (inErrors && line.startsWith("> ") && errors.size() < 50) errors.add(line.substring(2).replaceAll("\\s+\\d+\\s+\\(\\s*[\\d.]+%\\)\\s*$", "").trim());
            }
        }
        return new Outcome(p.waitFor(), errors, crash);
    }
}
