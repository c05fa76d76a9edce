package io.ppmlab.reports.cli;

import io.ppmlab.reports.ab.AbRunner;
import io.ppmlab.reports.ab.SuiteRunner;
import io.ppmlab.reports.gate.AbComparison;
import io.ppmlab.reports.gate.BaselineBuilder;
import io.ppmlab.reports.gate.BaselineComparison;
import io.ppmlab.reports.gate.BaselineFile;
import io.ppmlab.reports.gate.Baselines;
import io.ppmlab.reports.gate.GateOutcome;
import io.ppmlab.reports.gate.GateTable;
import io.ppmlab.reports.gate.Judgement;
import io.ppmlab.reports.html.ReportWriter;
import io.ppmlab.reports.results.Results;
import io.ppmlab.reports.results.ResultsReader;
import io.ppmlab.reports.results.ResultsWriter;
import io.ppmlab.reports.results.UnusableInput;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code lab gate}: judges a run against a baseline (deterministic figures and same-run ratios), or a candidate
 * build against a git ref by interleaved A/B runs, or rewrites the committed baseline. Exit 0 pass, 1 regression,
 * 2 unusable input.
 */
@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Judges a run against a baseline or a git ref. Exit 0 pass, 1 regression, 2 unusable input.",
                "  lab gate <folder> --baseline reports/baselines/smoke.json",
                "  lab gate <folder> --against main [--rounds 3] [--threshold 0.10]",
                "  lab gate --update-baseline [<folder>...]   (no folder: runs the suite --runs times)"})
public final class GateCommand implements Callable<Integer> {
    static final String DEFAULT_BASELINE = "reports/baselines/smoke.json";

    @Parameters(arity = "0..*", paramLabel = "FOLDER",
            description = "the results folder to judge (A/B: where the runs and gate.json go); with --update-baseline, the repeat runs")
    List<Path> folders = new ArrayList<>();

    @ArgGroup(exclusive = true)
    Mode mode;

    static final class Mode {
        @Option(names = "--baseline", paramLabel = "FILE", description = "a baseline file or an earlier results.json of the same suite")
        Path baseline;
        @Option(names = "--against", paramLabel = "REF", description = "A/B: build REF in its own worktree, run both builds interleaved")
        String against;
        @Option(names = "--update-baseline", description = "rewrite the baseline file from the given runs (or from --runs new runs)")
        boolean update;
    }

    @Option(names = "--suite", description = "suite to run for A/B or a new baseline (default: the folder's suite, else smoke)")
    String suite;
    @Option(names = "--rounds", defaultValue = "3", description = "A/B: rounds of A then B (default ${DEFAULT-VALUE})")
    int rounds;
    @Option(names = "--threshold", defaultValue = "0.10", description = "A/B: slowdown that counts as a regression (default ${DEFAULT-VALUE})")
    double threshold;
    @Option(names = "--level", defaultValue = "0.95", description = "A/B: confidence level of the interval (default ${DEFAULT-VALUE})")
    double level;
    @Option(names = "--runs", defaultValue = "3", description = "--update-baseline without folders: repeat runs to make (default ${DEFAULT-VALUE})")
    int runs;
    @Option(names = "--baseline-file", description = "--update-baseline: the file to write (default " + DEFAULT_BASELINE + ")")
    Path baselineFile;
    @Option(names = "--run-command", description = "command that runs a suite; {tree}, {suite}, {out} are replaced (default: " + SuiteRunner.DEFAULT_COMMAND + ")")
    String runCommand;
    @Option(names = "--keep-worktree", description = "A/B: keep the base ref's worktree for the next A/B run")
    boolean keepWorktree;
    @Option(names = "--all", description = "list passing figures too")
    boolean all;
    @Option(names = "--root", description = "the checkout whose build is the candidate (default: LAB_ROOT, else the folder holding ./lab)")
    Path root;

    @Override
    public Integer call() {
        if (mode == null) {
            System.err.println("unusable input: give --baseline FILE, --against REF or --update-baseline");
            return GateOutcome.UNUSABLE;
        }
        if (mode.update) return updateBaseline();
        if (folders.size() != 1) {
            System.err.println("unusable input: give exactly one results folder to judge (got " + folders.size() + ")");
            return GateOutcome.UNUSABLE;
        }
        Path folder = folders.get(0);
        GateOutcome outcome = mode.against != null ? ab(folder) : againstBaseline(folder);
        GateTable.print(outcome, System.out, all);
        if (!Files.exists(folder)) return outcome.exitCode();
        Path dir = Files.isDirectory(folder) ? folder : folder.toAbsolutePath().getParent();
        new ResultsWriter().write(dir.resolve(ReportWriter.GATE_FILE), outcome);
        System.out.println("gate.json: " + dir.resolve(ReportWriter.GATE_FILE).toAbsolutePath());
        try {
            if (Files.isRegularFile(ResultsReader.resultsFile(dir))) System.out.println("report: " + new ReportWriter().single(dir).toAbsolutePath());
        } catch (UnusableInput e) {
            System.err.println("no report: " + e.getMessage());
        }
        return outcome.exitCode();
    }

    private GateOutcome againstBaseline(Path folder) {
        String base = String.valueOf(mode.baseline);
        try {
            BaselineFile baseline = new Baselines().load(mode.baseline);
            Results current = new ResultsReader().read(folder);
            List<Judgement> js = new BaselineComparison().compare(baseline, current);
            return GateOutcome.judged("baseline", base, folder.toString(), js);
        } catch (UnusableInput e) {
            return GateOutcome.unusable("baseline", base, folder.toString(), e.getMessage());
        }
    }

    private GateOutcome ab(Path folder) {
        String base = "git ref " + mode.against;
        try {
            Files.createDirectories(folder);
            String s = suite != null ? suite : suiteOf(folder);
            AbRunner.Rounds r = new AbRunner(root(), new SuiteRunner(runCommand)).run(mode.against, s, rounds, folder, keepWorktree);
            List<Judgement> js = new AbComparison().compare(r.base(), r.candidate(), threshold, level);
            return GateOutcome.judged("ab", base + " (" + r.baseCommit() + "), " + rounds + " interleaved rounds of suite " + s, "working tree", js);
        } catch (UnusableInput | java.io.IOException | IllegalStateException e) {
            return GateOutcome.unusable("ab", base, folder.toString(), e.getMessage());
        }
    }

    private static String suiteOf(Path folder) {
        Path f = ResultsReader.resultsFile(folder);
        if (Files.isRegularFile(f)) return new ResultsReader().read(f).suite();
        return "smoke";
    }

    private Path root() {
        return root != null ? root.toAbsolutePath().normalize() : LabRoot.find();
    }

    private int updateBaseline() {
        Path root = root();
        Path target = baselineFile != null ? baselineFile : root.resolve(DEFAULT_BASELINE);
        try {
            List<Path> sources = new ArrayList<>(folders);
            if (sources.isEmpty()) {
                String s = suite != null ? suite : "smoke";
                SuiteRunner runner = new SuiteRunner(runCommand);
                String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
                for (int i = 1; i <= runs; i++) {
                    Path out = root.resolve("target/lab-runs/baseline-" + stamp + "/run-" + i);
                    runner.run(root, s, out);
                    sources.add(out);
                }
            }
            List<Results> results = new ArrayList<>();
            for (Path p : sources) results.add(new ResultsReader().read(p));
            BaselineFile b = new BaselineBuilder().build(results, "lab gate --update-baseline from " + results.size() + " run(s) of suite "
                    + results.get(0).suite() + " on the same build");
            new ResultsWriter().write(target, b);
            System.out.println("baseline written: " + target.toAbsolutePath() + " (" + b.figures().size() + " figures from " + results.size()
                    + " run(s); noise: " + b.noise().rule() + ")");
            return 0;
        } catch (UnusableInput e) {
            System.err.println("unusable input: " + e.getMessage());
            return GateOutcome.UNUSABLE;
        }
    }
}
