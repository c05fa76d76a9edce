package io.ppmlab.harness.sim;

import java.util.Set;

/** The resource-manager persona alone, with the same properties as {@link SuiteSimulation}. */
public final class ResourceManagerSimulation extends SuiteSimulation {
    public ResourceManagerSimulation() {
        super(Set.of("resource-manager"));
    }
}
