package io.ppmlab.harness.sim;

import java.util.Set;

/** The pmo-executive persona alone, with the same properties as {@link SuiteSimulation}. */
public final class PmoExecutiveSimulation extends SuiteSimulation {
    public PmoExecutiveSimulation() {
        super(Set.of("pmo-executive"));
    }
}
