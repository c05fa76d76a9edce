package io.ppmlab.reports.html;

import io.ppmlab.reports.gate.GateOutcome;
import io.ppmlab.reports.gate.GateTable;
import io.ppmlab.reports.gate.Judgement;
import io.ppmlab.reports.gate.Verdict;
import io.ppmlab.reports.results.Calibration;
import io.ppmlab.reports.results.Dataset;
import io.ppmlab.reports.results.Limit;
import io.ppmlab.reports.results.Results;
import io.ppmlab.reports.results.Run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The top of a run's report: the documented limits' verdicts, the run facts, and the gate's decision. */
final class RunSections {
    private RunSections() {}

    static void limits(Html h, Results r) {
        h.section("limits", "Documented limits");
        if (r.limits().isEmpty()) {
            h.note("This run gives no verdict on documented limits (suite " + r.suite() + ").").endSection();
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Limit l : r.limits()) {
            String measured = l.measured() == null || l.measured().value() == null ? "–"
                    : Html.esc(measuredText(l.measured().value())) + " " + Html.esc(l.measured().unit());
            rows.add(List.of(Html.badge(l.verdict()), "<code>" + Html.esc(l.id()) + "</code>", Html.esc(l.documented()), Html.esc(l.assertion()),
                    measured, Html.esc(l.detail())));
        }
        h.table(List.of("verdict", "limit", "documented", "assertion", "measured", "detail"), rows);
        h.note("\"not-emulated\" means the emulator does not implement that behaviour yet: it is never counted as a pass.");
        h.endSection();
    }

    private static String measuredText(Object v) {
        return v instanceof Number n ? Html.num(n.doubleValue()) : String.valueOf(v);
    }

    static void facts(Html h, Results r) {
        Run run = r.run();
        h.section("run", "Run facts");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("run", Html.esc(run.id())));
        rows.add(List.of("commit", "<code>" + Html.esc(run.commit()) + "</code>" + (Boolean.TRUE.equals(run.dirty()) ? " (with uncommitted changes)" : "")));
        rows.add(List.of("suite", Html.esc(run.suite())));
        rows.add(List.of("knobs", Html.esc(knobs(run.knobs()))));
        rows.add(List.of("started / finished", Html.esc(run.startedAt()) + " / " + Html.esc(run.finishedAt())
                + (run.durationSeconds() == null ? "" : " (" + Html.num(run.durationSeconds()) + " s)")));
        rows.add(List.of("exit code", run.exitCode() == null ? "–" : String.valueOf(run.exitCode())));
        if (!run.unexpectedErrors().isEmpty()) {
            rows.add(List.of("unexpected errors", run.unexpectedErrors().stream().map(Html::esc).collect(Collectors.joining("<br>"))));
        }
        Run.Machine m = run.machine();
        if (m != null) {
            rows.add(List.of("machine", Html.esc(m.cores() + " cores, " + (m.memoryBytes() == null ? "?" : Html.bytes(m.memoryBytes()))
                    + ", Java " + m.java() + ", " + m.os())));
            rows.add(List.of("load average (1, 5, 15 min) at start / end", Html.esc(m.loadAverageStart() + " / " + m.loadAverageEnd())));
        }
        if (run.emulator() != null) {
            rows.add(List.of("emulator", Html.esc(run.emulator().url() + (Boolean.TRUE.equals(run.emulator().startedByHarness())
                    ? ", started by the harness, heap " + run.emulator().heap() : ", already running"))));
        }
        Dataset d = r.dataset();
        if (d != null) {
            rows.add(List.of("dataset", Html.esc("profile " + d.profile() + ", seed " + d.seed() + ", " + knobs(d.knobs()) + ", rows hash " + d.rowsHash())));
            if (!d.manifest().isEmpty()) {
                rows.add(List.of("rows per table", Html.esc(d.manifest().entrySet().stream()
                        .map(e -> e.getKey() + " " + String.format("%,d", e.getValue())).collect(Collectors.joining(", ")))));
            }
        }
        Calibration c = r.calibration();
        if (c != null) {
            rows.add(List.of("calibration (same run)", Html.esc(c.endpoint() + ": " + Html.num(c.requestsPerSecond() == null ? Double.NaN : c.requestsPerSecond())
                    + " req/s at concurrency " + c.concurrency() + ", p50 " + Html.ms(c.p50Ms()) + " ms, p95 " + Html.ms(c.p95Ms()) + " ms ("
                    + c.requests() + " requests in " + Html.num(c.durationSeconds() == null ? Double.NaN : c.durationSeconds()) + " s)")));
        } else {
            rows.add(List.of("calibration", "none in this run: timings cannot be read as ratios"));
        }
        if (r.gatling() != null && r.gatling().reportDir() != null) {
            String dir = r.gatling().reportDir();
            rows.add(List.of("Gatling's own report", "<a href=\"" + Html.esc(dir) + "/index.html\">" + Html.esc(dir) + "/index.html</a>"));
        }
        h.table(List.of("fact", "value"), rows);
        h.note("The machine is shared: read absolute timings with the load average beside them, and prefer the ratios to the same run's calibration.");
        h.endSection();
    }

    private static String knobs(Map<String, Object> knobs) {
        return knobs.entrySet().stream().filter(e -> e.getValue() != null).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static void gate(Html h, GateOutcome g) {
        h.section("gate", "Gate");
        String cls = g.exitCode() == GateOutcome.PASS ? "ok" : "bad";
        h.raw("<p><span class=\"badge " + cls + "\">" + Html.esc(g.verdictWord()) + "</span> exit " + g.exitCode() + ", mode "
                + Html.esc(g.mode()) + ", against " + Html.esc(g.baseline()) + "</p>\n");
        if (g.problem() != null) {
            h.p(g.problem()).endSection();
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        List<Judgement> shown = g.judgements().stream().filter(j -> j.verdict() != Verdict.PASS)
                .sorted(Comparator.comparing(Judgement::verdict)).toList();
        for (Judgement j : shown) {
            rows.add(List.of(Html.badge(j.verdict().label()), GateTable.kindLabel(j.kind()), "<code>" + Html.esc(j.id()) + "</code>",
                    Html.n(GateTable.num(j.baseline())), Html.n(GateTable.num(j.current())), Html.n(GateTable.pct(j.change())),
                    Html.esc(GateTable.bound(j)), Html.esc((j.unit() == null ? "" : j.unit()) + (j.note() == null ? "" : " · " + j.note()))));
        }
        GateOutcome.Counts c = g.counts();
        h.p(g.judgements().size() + " figures: " + c.pass() + " pass, " + c.improved() + " improved, " + c.regression() + " regression, "
                + c.inconclusive() + " inconclusive, " + c.added() + " new, " + c.insufficient() + " with too few samples. Passes are not listed.");
        if (!rows.isEmpty()) h.table(List.of("verdict", "kind", "figure", "baseline", "current", "change", "bound", "unit / note"), rows);
        h.endSection();
    }
}
