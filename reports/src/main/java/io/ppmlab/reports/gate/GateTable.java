package io.ppmlab.reports.gate;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Prints the gate's decision as a table: regressions first, then what else is worth a look, then the passes. */
public final class GateTable {
    private GateTable() {}

    public static void print(GateOutcome o, PrintStream out, boolean all) {
        out.println("gate (" + o.mode() + "): " + o.current() + " against " + o.baseline());
        if (o.problem() != null) {
            out.println("UNUSABLE INPUT (exit 2): " + o.problem());
            return;
        }
        String fmt = "%-9s %-13s %-58s %14s %14s %9s %18s  %s%n";
        out.printf(Locale.ROOT, fmt, "verdict", "kind", "figure", "baseline", "current", "change", "bound", "unit / note");
        List<Judgement> rows = o.judgements().stream()
                .filter(j -> all || j.verdict() != Verdict.PASS)
                .sorted(Comparator.comparingInt(GateTable::rank)).toList();
        for (Judgement j : rows) {
            out.printf(Locale.ROOT, fmt, j.verdict().label(), kindLabel(j.kind()), clip(j.id(), 58), num(j.baseline()), num(j.current()),
                    pct(j.change()), bound(j), (j.unit() == null ? "" : j.unit()) + (j.note() == null ? "" : "  " + j.note()));
        }
        GateOutcome.Counts c = o.counts();
        out.printf(Locale.ROOT, "%d figures: %d pass, %d improved, %d regression, %d inconclusive, %d new, %d insufficient samples%s%n",
                o.judgements().size(), c.pass(), c.improved(), c.regression(), c.inconclusive(), c.added(), c.insufficient(),
                all ? "" : " (passes not listed; --all lists them)");
        out.println("verdict: " + o.verdictWord() + " (exit " + o.exitCode() + ")");
    }

    public static String kindLabel(Kind k) {
        return switch (k) {
            case DETERMINISTIC -> "deterministic";
            case RATIO -> "ratio";
            case AB -> "A/B";
        };
    }

    public static String bound(Judgement j) {
        if (j.bound() == null) return "";
        return switch (j.kind()) {
            case DETERMINISTIC -> j.bound() == 0 ? "exact" : "±" + pct(j.bound());
            case RATIO -> pct(j.bound());
            case AB -> "CI [" + pct(j.changeLow()) + "," + pct(j.changeHigh()) + "] vs " + pct(j.bound());
        };
    }

    private static int rank(Judgement j) {
        return switch (j.verdict()) {
            case REGRESSION -> 0;
            case INCONCLUSIVE -> 1;
            case MISSING, INSUFFICIENT -> 2;
            case IMPROVED -> 3;
            case NEW -> 4;
            case PASS -> 5;
        };
    }

    public static String num(Double v) {
        if (v == null) return "-";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", v.longValue());
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.1f" : "%.4g", v);
    }

    public static String pct(Double v) {
        if (v == null) return "";
        if (v.isInfinite()) return v > 0 ? "+inf" : "-inf";
        return String.format(Locale.ROOT, "%+.1f%%", v * 100);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : "…" + s.substring(s.length() - n + 1);
    }
}
