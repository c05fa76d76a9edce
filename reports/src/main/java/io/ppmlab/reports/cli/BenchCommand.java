package io.ppmlab.reports.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.reports.ab.Git;
import io.ppmlab.reports.gate.Figures;
import io.ppmlab.reports.html.ReportWriter;
import io.ppmlab.reports.jmh.JmhParser;
import io.ppmlab.reports.results.MachineProbe;
import io.ppmlab.reports.results.Results;
import io.ppmlab.reports.results.ResultsWriter;
import io.ppmlab.reports.results.Run;
import io.ppmlab.reports.results.UnusableInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code lab bench [pattern]}: runs the JMH jar with JSON output and the gc profiler, and files the results into a
 * results folder (results.json with a {@code jmh} section, jmh.json as JMH wrote it, report.html).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs JMH benchmarks (JSON output, -prof gc) into a results folder the report and the gate read.",
                "Other JMH options pass through, e.g. lab bench Query -f 1 -wi 1 -i 3"})
public final class BenchCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "PATTERN", description = "JMH benchmark regexp (default: all)")
    String pattern;
    @Option(names = "--out", description = "results folder (default target/lab-runs/<time>-bench)")
    Path out;
    @Option(names = "--jar", description = "benchmarks jar (default benchmarks/target/benchmarks.jar)")
    Path jar;
    @Option(names = "--no-gc", description = "skip -prof gc (no allocation per operation)")
    boolean noGc;
    @Option(names = "--no-reference", description = "do not add ReferenceBenchmark (the same-run reference for ratios)")
    boolean noReference;
    @Unmatched
    List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path root = LabRoot.find();
        Path benchmarks = jar != null ? jar : root.resolve("benchmarks/target/benchmarks.jar");
        if (!Files.isRegularFile(benchmarks)) {
            System.err.println("unusable input: no " + benchmarks + " (build it: mvn -B -DskipTests package -pl benchmarks -am)");
            return 2;
        }
        Instant started = Instant.now();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started);
        Path folder = out != null ? out : root.resolve("target/lab-runs/" + stamp + "-bench");
        Files.createDirectories(folder);
        Path jmhFile = folder.resolve("jmh.json");
        List<Double> loadStart = MachineProbe.loadAverage();

        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Dchronicle.analytics.disable=true", "-jar", benchmarks.toString()));
        if (pattern != null) {
            cmd.add(pattern);
            if (!noReference) cmd.add(Figures.JMH_REFERENCE);
        }
        cmd.addAll(List.of("-rf", "json", "-rff", jmhFile.toString()));
        if (!noGc) cmd.addAll(List.of("-prof", "gc"));
        cmd.addAll(jmhArgs);
        System.err.println("[bench] " + String.join(" ", cmd));
        int code = new ProcessBuilder(cmd).directory(root.toFile()).inheritIO().start().waitFor();
        if (!Files.isRegularFile(jmhFile)) {
            System.err.println("unusable input: JMH wrote no " + jmhFile + " (exit " + code + ")");
            return 2;
        }
        JsonNode jmh;
        try {
            jmh = new ObjectMapper().readTree(jmhFile.toFile());
            new JmhParser().parse(jmh);
        } catch (IOException | UnusableInput e) {
            System.err.println("unusable input: " + e.getMessage());
            return 2;
        }
        Instant finished = Instant.now();
        Map<String, Object> knobs = new LinkedHashMap<>();
        knobs.put("pattern", pattern);
        knobs.put("jmhArgs", String.join(" ", jmhArgs));
        knobs.put("gcProfiler", !noGc);
        String commit = Git.run(root, "rev-parse", "HEAD");
        String status = Git.run(root, "status", "--porcelain");
        Run run = new Run(stamp + "-bench", commit, status == null ? null : !status.isEmpty(), "bench", knobs, null,
                started.truncatedTo(ChronoUnit.SECONDS).toString(), finished.truncatedTo(ChronoUnit.SECONDS).toString(),
                (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0, code, List.of(), MachineProbe.now(loadStart), null);
        Results results = new Results(Results.SCHEMA, run, null, null, null, null, null, null, null, null, jmh, null);
        new ResultsWriter().write(folder.resolve("results.json"), results);
        Path report = new ReportWriter().single(folder);
        System.out.println("results: " + folder.toAbsolutePath());
        System.out.println("report: " + report.toAbsolutePath());
        return code == 0 ? 0 : 1;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
