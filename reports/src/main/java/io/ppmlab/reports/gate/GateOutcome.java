package io.ppmlab.reports.gate;

import java.util.List;

/**
 * What the gate decided: the mode (baseline or ab), what was compared with what, every figure's judgement, and the
 * exit code (0 pass, 1 regression, 2 unusable input, with {@code problem} saying which input and why).
 */
public record GateOutcome(String schema, String mode, String baseline, String current, int exitCode, String problem,
                          Counts counts, List<Judgement> judgements) {
    public static final String SCHEMA = "ppm-lab/gate/1";
    public static final int PASS = 0;
    public static final int REGRESSION = 1;
    public static final int UNUSABLE = 2;

    public GateOutcome {
        judgements = judgements == null ? List.of() : List.copyOf(judgements);
    }

    public static GateOutcome judged(String mode, String baseline, String current, List<Judgement> judgements) {
        boolean regression = judgements.stream().anyMatch(j -> j.verdict() == Verdict.REGRESSION);
        return new GateOutcome(SCHEMA, mode, baseline, current, regression ? REGRESSION : PASS, null, Counts.of(judgements), judgements);
    }

    public static GateOutcome unusable(String mode, String baseline, String current, String problem) {
        return new GateOutcome(SCHEMA, mode, baseline, current, UNUSABLE, problem, Counts.of(List.of()), List.of());
    }

    public String verdictWord() {
        return switch (exitCode) {
            case PASS -> "PASS";
            case REGRESSION -> "REGRESSION";
            default -> "UNUSABLE INPUT";
        };
    }

    /** How many figures got each verdict. */
    public record Counts(int pass, int improved, int regression, int inconclusive, int added, int missing, int insufficient) {
        static Counts of(List<Judgement> js) {
            int[] n = new int[Verdict.values().length];
            for (Judgement j : js) n[j.verdict().ordinal()]++;
            return new Counts(n[Verdict.PASS.ordinal()], n[Verdict.IMPROVED.ordinal()], n[Verdict.REGRESSION.ordinal()],
                    n[Verdict.INCONCLUSIVE.ordinal()], n[Verdict.NEW.ordinal()], n[Verdict.MISSING.ordinal()], n[Verdict.INSUFFICIENT.ordinal()]);
        }
    }
}
