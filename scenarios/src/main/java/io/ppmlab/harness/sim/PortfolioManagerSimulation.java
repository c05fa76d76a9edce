package io.ppmlab.harness.sim;

import java.util.Set;

/** The portfolio-manager persona alone, with the same properties as {@link SuiteSimulation}. */
public final class PortfolioManagerSimulation extends SuiteSimulation {
    public PortfolioManagerSimulation() {
        super(Set.of("portfolio-manager"));
    }
}
