package io.ppmlab.harness.sim;

import java.util.Set;

/** The integration persona alone, with the same properties as {@link SuiteSimulation}. */
public final class IntegrationSimulation extends SuiteSimulation {
    public IntegrationSimulation() {
        super(Set.of("integration"));
    }
}
