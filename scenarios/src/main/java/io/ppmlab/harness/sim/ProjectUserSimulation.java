package io.ppmlab.harness.sim;

import java.util.Set;

/** The project-user persona alone, with the same properties as {@link SuiteSimulation}. */
public final class ProjectUserSimulation extends SuiteSimulation {
    public ProjectUserSimulation() {
        super(Set.of("project-user"));
    }
}
