package io.ppmlab.datasets.generator;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Scale knobs: overrides of a profile's counts, team strategy, seed and "today" (the command line's
 * {@code --projects}, {@code --resources}, {@code --years}, {@code --business-units}, {@code --users},
 * {@code --team-strategy}, {@code --seed}, {@code --as-of}). Empty means "as the profile says".
 */
public record Knobs(Optional<Integer> projects, Optional<Integer> resources, Optional<Integer> years,
                    Optional<Integer> businessUnits, Optional<Integer> users, Optional<TeamStrategy> teamStrategy,
                    Optional<Long> seed, Optional<LocalDate> asOf) {

    public static Knobs none() {
        return new Knobs(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Knobs withProjects(int n) { return new Knobs(Optional.of(n), resources, years, businessUnits, users, teamStrategy, seed, asOf); }

    public Knobs withResources(int n) { return new Knobs(projects, Optional.of(n), years, businessUnits, users, teamStrategy, seed, asOf); }

    public Knobs withYears(int n) { return new Knobs(projects, resources, Optional.of(n), businessUnits, users, teamStrategy, seed, asOf); }

    public Knobs withBusinessUnits(int n) { return new Knobs(projects, resources, years, Optional.of(n), users, teamStrategy, seed, asOf); }

    public Knobs withUsers(int n) { return new Knobs(projects, resources, years, businessUnits, Optional.of(n), teamStrategy, seed, asOf); }

    public Knobs withTeamStrategy(TeamStrategy s) { return new Knobs(projects, resources, years, businessUnits, users, Optional.of(s), seed, asOf); }

    public Knobs withSeed(long s) { return new Knobs(projects, resources, years, businessUnits, users, teamStrategy, Optional.of(s), asOf); }

    /** The organisation's "today": row creation instant, capacity horizon anchor, project dates. */
    public Knobs withAsOf(LocalDate d) { return new Knobs(projects, resources, years, businessUnits, users, teamStrategy, seed, Optional.of(d)); }

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
        asOf.ifPresent(v -> m.put("as-of", v.toString()));
        return m;
    }

    /** True when a knob that changes a generated organisation's shape or dates is given (the seed alone is not one). */
    public boolean anyScale() {
        return projects.isPresent() || resources.isPresent() || years.isPresent() || businessUnits.isPresent()
                || users.isPresent() || teamStrategy.isPresent() || asOf.isPresent();
    }
}
