package io.ppmlab.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.harness.limits.AssertionResult;
import io.ppmlab.harness.limits.Assertions;
import io.ppmlab.harness.limits.LimitChecks;
import io.ppmlab.harness.limits.LimitResult;
import io.ppmlab.harness.limits.Verdict;
import io.ppmlab.harness.results.ResultsDocument;
import io.ppmlab.harness.results.VerdictTable;
import io.ppmlab.harness.scale.GrowthFit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./lab run}: the lab's main job, top to bottom: the organisation (generated once, restored per run), the
 * emulator, calibration, the suite's scenarios, the verdicts, {@code results.json} and the table. Whatever happens,
 * the results written so far are kept and every process it started is stopped. Exit 0 only when every limit that
 * could be measured holds, every assertion holds and nothing unexpected happened.
 */
public final class LabRun {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private final RunSettings s;
    private final Console console;
    private final ProcessRegistry processes = new ProcessRegistry();

    public LabRun(RunSettings settings, Console console) {
        this.s = settings;
        this.console = console;
    }

    public int execute() {
        ResultsDocument doc = new ResultsDocument(s, Instant.now(), Machine.now(), Machine.loadAverage());
        List<String> unexpected = new ArrayList<>();
        List<LimitResult> verdicts = List.of();
        List<AssertionResult> assertions = List.of();
        try {
            Files.createDirectories(s.out());
            console.phase("lab run --suite " + s.suite().label + " -> " + s.out());
            if (s.suite() == Suite.SCALE) {
                scale(doc, unexpected);
            } else {
                PointFigures f = new PointFigures();
                try {
                    point(s.datasetKnobs(), s.out(), f);
                } finally {
                    doc.point(f);
                }
                assertions = Assertions.load(s.suite().label).evaluate(doc.requestsByName());
                verdicts = LimitChecks.evaluate(doc.evidence(f, assertions));
                collectUnexpected(f, unexpected);
            }
        } catch (RunPoint.EmulatorDied | IllegalStateException | java.io.IOException e) {
            unexpected.add(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unexpected.add("interrupted");
        } finally {
            processes.killAll();
        }
        List<String> broken = assertions.stream().filter(a -> !a.holds()).map(a -> a.request() + " " + a.metric() + " " + a.measured()
                + " ms > " + a.limit()).toList();
        boolean verdictsHold = verdicts.stream().noneMatch(v -> v.verdict() == Verdict.FAIL
                || s.suite() == Suite.LIMITS && v.verdict() == Verdict.NOT_MEASURED);
        int exit = unexpected.isEmpty() && broken.isEmpty() && verdictsHold && (s.suite() == Suite.SCALE || !verdicts.isEmpty()) ? OK : FAILED;
        if (s.suite() == Suite.SCALE && doc.scaleFailed()) exit = FAILED;
        doc.finish(Instant.now(), Machine.loadAverage(), exit, unexpected, verdicts, assertions);
        Path written = doc.write(s.out().resolve("results.json"));
        VerdictTable.print(console.out(), s.suite(), verdicts, assertions, doc, unexpected);
        console.out().println();
        console.out().println("results: " + written);
        console.out().println(exit == OK ? "PASS" : "FAIL (exit " + exit + ")");
        return exit;
    }

    private void point(List<String> knobs, Path out, PointFigures f) throws java.io.IOException, InterruptedException {
        RunPoint runner = new RunPoint(s, console, processes);
        if (s.emulatorUrl() != null) {
            runner.run(null, s.dataDir(), out, f);
            return;
        }
        Path golden;
        if (s.dataDir() != null) {
            golden = s.dataDir();
            f.datasetKey = golden.getFileName().toString();
        } else {
            DatasetCache.Spec spec = new DatasetCache.Spec(s.profile(), knobs, s.seed(), s.personasPerRole());
            console.phase("organisation: " + spec.key());
            golden = new DatasetCache(s.home().resolve("target/lab-datasets"), s.emulatorJar(), s.home().resolve("target/lab-tmp"))
                    .ensure(spec, s.regenerate(), console::info);
            f.datasetKey = spec.key();
        }
        runner.run(golden, golden, out, f);
    }

    private void scale(ResultsDocument doc, List<String> unexpected) throws java.io.IOException, InterruptedException {
        Map<String, List<GrowthFit.Point>> p50 = new LinkedHashMap<>();
        Map<String, List<GrowthFit.Point>> p95 = new LinkedHashMap<>();
        Map<String, List<Long>> refused = new LinkedHashMap<>();
        for (long projects : s.points()) {
            // Resources grow with projects, one per 10 (at least 100), so that each resource carries the same demand at every
            // point: with 100 resources for 20,000 projects, the 90-resource demand heat map aggregated every plan of the
            // organisation and passed Dataverse's 50,000-row aggregate limit (400 0x8004E023) from 5,000 projects on.
            long resources = Math.max(100, projects / 10);
            List<String> knobs = new ArrayList<>(List.of("--projects", String.valueOf(projects), "--resources", String.valueOf(resources),
                    "--users", "1000"));
            PointFigures f = new PointFigures();
            console.phase("scale point: " + projects + " projects");
            try {
                point(knobs, s.out().resolve("point-" + projects), f);
            } finally {
                doc.scalePoint(projects, f);
            }
            collectUnexpected(f, unexpected);
            for (JsonNode r : f.recorded().path("requests")) {
                String name = r.path("name").asText();
                if (name.endsWith(".signin") || r.path("count").asLong() == 0) continue;
                if (r.path("errors").size() > 0) {
                    // the latencies of refusals say nothing of how the query's cost grows: kept out of the fit
                    refused.computeIfAbsent(name, n -> new ArrayList<>()).add(projects);
                    continue;
                }
                p50.computeIfAbsent(name, n -> new ArrayList<>()).add(new GrowthFit.Point(projects, Math.max(0.5, r.path("p50Ms").asDouble())));
                p95.computeIfAbsent(name, n -> new ArrayList<>()).add(new GrowthFit.Point(projects, Math.max(0.5, r.path("p95Ms").asDouble())));
            }
        }
        List<GrowthFit.Fit> fits = new ArrayList<>();
        p50.forEach((name, points) -> {
            if (points.size() >= 2) fits.add(GrowthFit.fit(name, points, 0.3));
        });
        doc.scaleFits(fits);
        refused.forEach((name, at) -> unexpected.add(name + ": unexpected errors at " + at + " projects; those points are not in its fit"));
    }

    private static void collectUnexpected(PointFigures f, List<String> unexpected) {
        if (f.gatling == null) return;
        if (f.gatling.problem() != null) unexpected.add(f.gatling.problem());
        f.gatling.errors().forEach(e -> unexpected.add("check failed: " + e));
        if (f.recorded != null) f.recorded.path("checkFailures").forEach(c -> unexpected.add("check failed: " + c.asText()));
    }
}
