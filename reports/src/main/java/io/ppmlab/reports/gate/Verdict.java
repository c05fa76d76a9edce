package io.ppmlab.reports.gate;

/** The gate's verdict on one figure. Only REGRESSION fails the gate. */
public enum Verdict {
    PASS, IMPROVED, REGRESSION, INCONCLUSIVE, NEW, MISSING, INSUFFICIENT;

    public String label() {
        return name().toLowerCase();
    }
}
