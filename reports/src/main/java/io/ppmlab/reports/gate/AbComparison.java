package io.ppmlab.reports.gate;

import io.ppmlab.reports.results.Results;
import io.ppmlab.reports.results.UnusableInput;
import io.ppmlab.reports.stats.Interval;
import io.ppmlab.reports.stats.TIntervals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges interleaved runs of a base build (A) and a candidate (B). Timings: per figure, the paired differences
 * d_i = ln(B_i) − ln(A_i) of round i give a t-interval of the mean log change; the candidate is slower by more than
 * the threshold only when the whole interval says so (its low end above ln(1 + threshold)). Deterministic figures
 * are compared exactly between the two builds' first runs, as against a baseline.
 */
public final class AbComparison {
    public static final int MIN_ROUNDS = 2;
    private final Figures figures = new Figures();

    public List<Judgement> compare(List<Results> base, List<Results> candidate, double threshold, double level) {
        if (base.size() != candidate.size()) throw new UnusableInput("A/B rounds differ: " + base.size() + " base vs " + candidate.size() + " candidate runs");
        if (base.size() < MIN_ROUNDS) throw new UnusableInput("too few samples: A/B needs at least " + MIN_ROUNDS + " rounds, got " + base.size());

        List<Judgement> out = new ArrayList<>();
        BaselineFile a = new BaselineBuilder().build(List.of(base.get(0)), "A/B base build, first round");
        BaselineFile deterministicOnly = new BaselineFile(a.schema(), a.suite(), a.dataset(), a.madeFrom(), a.noise(),
                a.figures().stream().filter(f -> f.kind() == Kind.DETERMINISTIC).toList());
        for (Judgement j : new BaselineComparison().compare(deterministicOnly, candidate.get(0))) {
            if (j.kind() == Kind.DETERMINISTIC) out.add(j);
        }

        Map<String, double[]> as = series(base);
        Map<String, double[]> bs = series(candidate);
        Map<String, String> units = new HashMap<>();
        for (Figure f : figures.timings(base.get(0))) units.put(f.id(), f.unit());
        int judged = 0;
        for (Map.Entry<String, double[]> e : as.entrySet()) {
            double[] av = e.getValue();
            double[] bv = bs.get(e.getKey());
            if (bv == null) {
                out.add(Judgement.of(e.getKey(), Kind.AB, median(av), null, threshold, units.get(e.getKey()), Verdict.INSUFFICIENT,
                        "not in every candidate run"));
                continue;
            }
            double[] la = new double[av.length];
            double[] lb = new double[bv.length];
            for (int i = 0; i < av.length; i++) {
                la[i] = Math.log(av[i]);
                lb[i] = Math.log(bv[i]);
            }
            Interval d = TIntervals.pairedDifference(la, lb, level);
            double limit = Math.log1p(threshold);
            Verdict v;
            if (d.low() > limit) v = Verdict.REGRESSION;
            else if (d.high() <= limit) v = d.high() < -limit ? Verdict.IMPROVED : Verdict.PASS;
            else v = Verdict.INCONCLUSIVE;
            judged++;
            out.add(new Judgement(e.getKey(), Kind.AB, median(av), median(bv), Math.expm1(d.estimate()), threshold,
                    Math.expm1(d.low()), Math.expm1(d.high()), units.get(e.getKey()), v,
                    av.length + " interleaved pairs, " + Math.round(level * 100) + " % t-interval of the paired log change"));
        }
        if (judged == 0) throw new UnusableInput("too few samples: no timing figure is present in every A/B run");
        return out;
    }

    /** Figure id → values of every run, kept only for figures present in all runs. */
    private Map<String, double[]> series(List<Results> runs) {
        Map<String, List<Double>> byId = new LinkedHashMap<>();
        for (Results r : runs) {
            for (Figure f : figures.timings(r)) byId.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f.value());
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> e : byId.entrySet()) {
            if (e.getValue().size() == runs.size() && e.getValue().stream().allMatch(v -> v > 0)) {
                out.put(e.getKey(), e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        return out;
    }

    private static double median(double[] v) {
        return new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(v);
    }
}
