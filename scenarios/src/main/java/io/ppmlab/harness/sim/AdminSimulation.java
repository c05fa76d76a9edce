package io.ppmlab.harness.sim;

import java.util.Set;

/** The admin persona alone, with the same properties as {@link SuiteSimulation}. */
public final class AdminSimulation extends SuiteSimulation {
    public AdminSimulation() {
        super(Set.of("admin"));
    }
}
