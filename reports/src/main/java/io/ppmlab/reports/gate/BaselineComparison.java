package io.ppmlab.reports.gate;

import io.ppmlab.reports.results.Results;
import io.ppmlab.reports.results.UnusableInput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Judges one run against a baseline: deterministic figures by their tolerance, ratios by their noise bound. */
public final class BaselineComparison {
    private final Figures figures = new Figures();

    public List<Judgement> compare(BaselineFile baseline, Results current) {
        Compatibility.check(baseline.suite(), baseline.dataset(), current, "the current run");
        Map<String, Figure> now = new LinkedHashMap<>();
        for (Figure f : figures.deterministic(current)) now.put(f.id(), f);
        for (Figure f : figures.ratios(current)) now.put(f.id(), f);

        boolean httpRatios = baseline.figures().stream().anyMatch(f -> f.kind() == Kind.RATIO && !f.id().startsWith("jmh/"));
        if (httpRatios && (current.calibration() == null || current.calibration().bareRequestMs() == null)) {
            throw new UnusableInput("too few samples: the current run has no calibration, so no timing can be read as a ratio");
        }
        if (baseline.figures().stream().anyMatch(f -> f.kind() == Kind.RATIO) && now.values().stream().noneMatch(f -> f.kind() == Kind.RATIO)) {
            throw new UnusableInput("too few samples: no request name or persona of the current run has " + Figures.MIN_SAMPLES_P50 + " requests");
        }

        List<Judgement> out = new ArrayList<>();
        for (BaselineFigure b : baseline.figures()) {
            Figure c = now.remove(b.id());
            out.add(switch (b.kind()) {
                case DETERMINISTIC -> deterministic(b, c);
                case RATIO -> ratio(b, c);
                case AB -> throw new UnusableInput("a baseline holds no A/B figures: " + b.id());
            });
        }
        for (Figure c : now.values()) {
            if (c.absentMeans() != null) {
                // e.g. errors of a status the baseline never saw: judged against the value its absence means (0)
                out.add(deterministic(new BaselineFigure(c.id(), c.kind(), c.absentMeans(), c.unit(), c.direction(),
                        c.relativeTolerance(), c.absoluteTolerance(), null, c.samples(), c.absentMeans(), List.of(), "absent from the baseline"), c));
            } else {
                out.add(Judgement.of(c.id(), c.kind(), null, c.value(), null, c.unit(), Verdict.NEW, "not in the baseline"));
            }
        }
        return out;
    }

    static Judgement deterministic(BaselineFigure b, Figure c) {
        Double current = c != null ? Double.valueOf(c.value()) : b.absentMeans();
        if (current == null) {
            return Judgement.of(b.id(), b.kind(), b.value(), null, b.relativeTolerance(), b.unit(), Verdict.REGRESSION, "missing from the current run");
        }
        double allowed = b.relativeTolerance() * Math.abs(b.value()) + b.absoluteTolerance();
        double delta = current - b.value();
        Verdict v;
        if (Math.abs(delta) <= allowed) v = Verdict.PASS;
        else v = switch (b.direction()) {
            case ANY_CHANGE -> Verdict.REGRESSION;
            case HIGHER_IS_WORSE -> delta > 0 ? Verdict.REGRESSION : Verdict.IMPROVED;
            case LOWER_IS_WORSE -> delta < 0 ? Verdict.REGRESSION : Verdict.IMPROVED;
        };
        return Judgement.of(b.id(), b.kind(), b.value(), current, b.relativeTolerance(), b.unit(), v, b.note());
    }

    static Judgement ratio(BaselineFigure b, Figure c) {
        if (c == null) {
            return Judgement.of(b.id(), b.kind(), b.value(), null, b.bound(), b.unit(), Verdict.INSUFFICIENT,
                    "not in the current run (fewer than " + Figures.MIN_SAMPLES_P50 + " samples or no reference)");
        }
        double bound = b.bound() == null ? BaselineBuilder.UNMEASURED_BOUND : b.bound();
        Verdict v;
        if (c.value() > b.value() * (1 + bound)) v = Verdict.REGRESSION;
        else if (c.value() < b.value() / (1 + bound)) v = Verdict.IMPROVED;
        else v = Verdict.PASS;
        return Judgement.of(b.id(), b.kind(), b.value(), c.value(), bound, b.unit(), v, b.note());
    }
}
