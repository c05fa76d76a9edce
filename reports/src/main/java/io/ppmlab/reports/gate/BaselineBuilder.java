package io.ppmlab.reports.gate;

import io.ppmlab.reports.results.Results;
import io.ppmlab.reports.results.Run;
import io.ppmlab.reports.results.UnusableInput;
import io.ppmlab.reports.stats.LogNoise;
import org.apache.commons.math3.stat.descriptive.rank.Median;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a baseline from one or more runs of the same build, suite and dataset. With two or more runs the ratio
 * bounds come from the noise measured between them; with one run noise cannot be measured and every ratio gets
 * {@link #UNMEASURED_BOUND}.
 */
public final class BaselineBuilder {
    /**
     * Bound = max(FLOOR, exp(K × σ) − 1), σ the larger of the family's pooled and the figure's own standard deviation of ln(ratio)
     * across repeat runs. K = 4: a one-sided 4σ bound is passed by chance with p ≈ 3e-5 per figure under normal
     * noise, so a run of ~60 ratio figures raises a false alarm about once in 500 runs, with room for σ being
     * estimated from few runs and for tails heavier than normal.
     */
    public static final double K = 4.0;
    /** Below a 10 % rise a ratio change is not worth a failed pipeline, however quiet the machine was. */
    public static final double FLOOR = 0.10;
    /**
     * A single run says nothing about noise. 0.5 (a 50 % rise) is wider than the largest A/A swing of a ratio
     * figure measured on this machine (see reports/baselines/README.md), so it catches only gross regressions.
     */
    public static final double UNMEASURED_BOUND = 0.5;

    private final Figures figures = new Figures();

    public BaselineFile build(List<Results> runs, String how) {
        if (runs.isEmpty()) throw new UnusableInput("a baseline needs at least one run");
        Results first = runs.get(0);
        for (Results r : runs) Compatibility.check(first.suite(), DatasetKeys.of(first), r, "run " + r.run().id());

        List<BaselineFigure> out = new ArrayList<>();
        for (Figure f : figures.deterministic(first)) out.add(deterministic(f, runs));

        Map<String, List<Figure>> ratioRepeats = new LinkedHashMap<>();
        for (Results r : runs) {
            for (Figure f : figures.ratios(r)) ratioRepeats.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f);
        }
        // Noise is pooled per family of figures: ratios to the calibration share its noise, shares of the run's mean
        // and JMH ratios are much steadier, and one family's noise must not widen another's bounds.
        Map<String, List<double[]>> complete = new LinkedHashMap<>();
        for (Map.Entry<String, List<Figure>> e : ratioRepeats.entrySet()) {
            if (e.getValue().size() == runs.size()) complete.computeIfAbsent(family(e.getKey()), k -> new ArrayList<>()).add(values(e.getValue()));
        }
        Map<String, LogNoise.Pooled> pooledByFamily = new LinkedHashMap<>();
        complete.forEach((family, values) -> pooledByFamily.put(family, LogNoise.pooled(values)));
        LogNoise.Pooled pooled = LogNoise.pooled(complete.values().stream().flatMap(List::stream).toList());
        for (Map.Entry<String, List<Figure>> e : ratioRepeats.entrySet()) {
            List<Figure> repeats = e.getValue();
            double[] values = values(repeats);
            double own = LogNoise.sdOfLog(values);
            double bound;
            String note;
            LogNoise.Pooled familyNoise = pooledByFamily.getOrDefault(family(e.getKey()), new LogNoise.Pooled(Double.NaN, 0));
            if (Double.isNaN(familyNoise.sd())) {
                bound = UNMEASURED_BOUND;
                note = "noise not measured (one run)";
            } else {
                double sigma = Double.isNaN(own) ? familyNoise.sd() : Math.max(own, familyNoise.sd());
                bound = Math.max(FLOOR, Math.expm1(K * sigma));
                note = repeats.size() < runs.size() ? "present in " + repeats.size() + " of " + runs.size() + " runs" : null;
            }
            Figure f = repeats.get(0);
            List<Double> list = new ArrayList<>();
            for (double v : values) list.add(v);
            out.add(new BaselineFigure(f.id(), Kind.RATIO, new Median().evaluate(values), f.unit(), f.direction(), 0, 0, bound,
                    minSamples(repeats), null, list, note));
        }
        String rule = Double.isNaN(pooled.sd())
                ? "one run: every ratio bound is " + UNMEASURED_BOUND
                : "bound = max(" + FLOOR + ", exp(" + K + " × max(family's pooled σ, figure's σ)) − 1), σ of ln(ratio) across " + runs.size()
                + " runs; pooled σ per family: " + familySummary(pooledByFamily);
        BaselineFile.Noise noise = new BaselineFile.Noise(Double.isNaN(pooled.sd()) ? null : pooled.sd(), pooled.degreesOfFreedom(), runs.size(), rule);
        return new BaselineFile(BaselineFile.SCHEMA, first.suite(), DatasetKeys.of(first), provenance(runs, how), noise, out);
    }

    /** Deterministic figures should agree across repeats; where they do not, the tolerance widens to the observed spread and says so. */
    private BaselineFigure deterministic(Figure f, List<Results> runs) {
        double min = f.value();
        double max = f.value();
        for (Results r : runs.subList(1, runs.size())) {
            for (Figure g : figures.deterministic(r)) {
                if (g.id().equals(f.id())) {
                    min = Math.min(min, g.value());
                    max = Math.max(max, g.value());
                }
            }
        }
        double relative = f.relativeTolerance();
        String note = null;
        if (max > min) {
            double spread = f.value() == 0 ? 1 : (max - min) / Math.abs(f.value());
            if (spread > relative) {
                relative = spread;
                note = "moved across repeat runs (" + min + " to " + max + "): tolerance widened to the observed spread";
            }
        }
        return new BaselineFigure(f.id(), f.kind(), f.value(), f.unit(), f.direction(), relative, f.absoluteTolerance(), null,
                f.samples(), f.absentMeans(), List.of(), note);
    }

    /** Ratios to the calibration, shares of the run's own mean, and JMH ratios to the reference benchmark. */
    static String family(String id) {
        if (id.startsWith("jmh/")) return "jmh";
        if (id.endsWith("/share")) return "share";
        return "calibration";
    }

    private static String familySummary(Map<String, LogNoise.Pooled> byFamily) {
        StringBuilder sb = new StringBuilder();
        byFamily.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(Double.isNaN(v.sd()) ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", v.sd())).append(" (").append(v.degreesOfFreedom()).append(" df)"));
        return sb.toString();
    }

    private static double[] values(List<Figure> figures) {
        return figures.stream().mapToDouble(Figure::value).toArray();
    }

    private static long minSamples(List<Figure> figures) {
        return figures.stream().mapToLong(Figure::samples).min().orElse(0);
    }

    private static BaselineFile.Provenance provenance(List<Results> runs, String how) {
        List<String> ids = new ArrayList<>();
        List<String> commits = new ArrayList<>();
        List<Double> loads = new ArrayList<>();
        for (Results r : runs) {
            ids.add(r.run().id());
            if (r.run().commit() != null && !commits.contains(r.run().commit())) commits.add(r.run().commit());
            Run.Machine m = r.run().machine();
            if (m != null && m.loadAverageStart() != null && !m.loadAverageStart().isEmpty()) loads.add(m.loadAverageStart().get(0));
        }
        Run.Machine m = runs.get(0).run().machine();
        String machine = m == null ? null : m.cores() + " cores, " + (m.memoryBytes() == null ? "?" : m.memoryBytes() / (1L << 30)) + " GiB, Java "
                + m.java() + ", " + m.os();
        return new BaselineFile.Provenance(ids, commits, machine, loads, how);
    }
}
