package io.ppmlab.datasets.generator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Scale knobs: overrides of a profile's counts, team strategy and seed (the command line's
 * {@code --projects}, {@code --resources}, {@code --years}, {@code --business-units}, {@code --users},
 * {@code --team-strategy}, {@code --seed}). Empty means "as the profile says".
 */
public record Knobs(Optional<Integer> projects, Optional<Integer> resources, Optional<Integer> years,
                    Optional<Integer> businessUnits, Optional<Integer> users, Optional<TeamStrategy> teamStrategy,
                    Optional<Long> seed) {

    public static Knobs none() {
        return new Knobs(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public Knobs withProjects(int n) { return new Knobs(Optional.of(n), resources, years, businessUnits, users, teamStrategy, seed); }

    public Knobs withResources(int n) { return new Knobs(projects, Optional.of(n), years, businessUnits, users, teamStrategy, seed); }

    public Knobs withYears(int n) { return new Knobs(projects, resources, Optional.of(n), businessUnits, users, teamStrategy, seed); }

    public Knobs withBusinessUnits(int n) { return new Knobs(projects, resources, years, Optional.of(n), users, teamStrategy, seed); }

    public Knobs withUsers(int n) { return new Knobs(projects, resources, years, businessUnits, Optional.of(n), teamStrategy, seed); }

    public Knobs withTeamStrategy(TeamStrategy s) { return new Knobs(projects, resources, years, businessUnits, users, Optional.of(s), seed); }

    public Knobs withSeed(long s) { return new Knobs(projects, resources, years, businessUnits, users, teamStrategy, Optional.of(s)); }

    /** The knobs that were given, by their command-line names (for the manifest). */
    public Map<String, Object> given() {
        Map<String, Object> m = new LinkedHashMap<>();
        projects.ifPresent(v -> m.put("projects", v));
        resources.ifPresent(v -> m.put("resources", v));
        years.ifPresent(v -> m.put("years", v));
        businessUnits.ifPresent(v -> m.put("business-units", v));
        users.ifPresent(v -> m.put("users", v));
        teamStrategy.ifPresent(v -> m.put("team-strategy", v.label()));
        seed.ifPresent(v -> m.put("seed", v));
        return m;
    }

    public boolean anyScale() {
        return projects.isPresent() || resources.isPresent() || years.isPresent() || businessUnits.isPresent()
                || users.isPresent() || teamStrategy.isPresent();
    }
}
