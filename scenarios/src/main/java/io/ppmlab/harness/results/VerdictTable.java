package io.ppmlab.harness.results;

import io.ppmlab.harness.limits.AssertionResult;
import io.ppmlab.harness.limits.LimitResult;
import io.ppmlab.harness.run.Suite;
import io.ppmlab.harness.scale.GrowthFit;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The table printed at the end of a run: one row per documented limit, the assertions that failed, the growth fits. */
public final class VerdictTable {
    private VerdictTable() {}

    public static void print(PrintStream out, Suite suite, List<LimitResult> limits, List<AssertionResult> assertions, ResultsDocument doc,
                             List<String> unexpected) {
        out.println();
        if (!limits.isEmpty()) {
            out.printf(Locale.ROOT, "%-30s %-13s %-28s %s%n", "documented limit", "verdict", "measured", "assertion / detail");
            out.println("-".repeat(140));
            for (LimitResult l : limits) {
                String measured = l.measured() == null ? "-" : String.format(Locale.ROOT, "%,.2f %s", l.measured().value(), l.measured().unit());
                out.printf(Locale.ROOT, "%-30s %-13s %-28s %s%n", l.id(), l.verdict().label().toUpperCase(Locale.ROOT), clip(measured, 28), l.assertion());
                out.printf(Locale.ROOT, "%-30s %-13s %-28s   %s%n", "", "", "", l.detail());
            }
        }
        long held = assertions.stream().filter(AssertionResult::holds).count();
        if (!assertions.isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "latency assertions (%s): %d of %d hold%n", suite.label, held, assertions.size());
            for (AssertionResult a : assertions) {
                if (!a.holds()) out.printf(Locale.ROOT, "  FAIL %-32s %s %s ms > %.0f ms (%s)%n", a.request(), a.metric(), a.measured(), a.limit(), a.source());
            }
        }
        if (!doc.fits().isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "%-34s %9s %6s %7s %s%n", "query (p50 vs projects)", "exponent", "R2", "points", "verdict (<= 0.3)");
            for (GrowthFit.Fit f : doc.fits()) {
                out.printf(Locale.ROOT, "%-34s %9.3f %6.3f %7d %s%n", f.query(), f.exponent(), f.r2(), f.points(), f.holds() ? "PASS" : "FAIL: grows faster than N^0.3");
            }
        }
        if (!unexpected.isEmpty()) {
            out.println();
            out.println("unexpected:");
            unexpected.forEach(u -> out.println("  " + u));
        }
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
