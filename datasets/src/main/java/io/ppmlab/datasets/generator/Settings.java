package io.ppmlab.datasets.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A profile resolved with its knobs: every number one generation uses. Immutable.
 *
 * @param counts        counts by the profile's names (projects, resources, years, yearsBehind, businessUnits, users, ...)
 * @param parameters    shares and exponents by name
 * @param distributions integer distributions by name
 */
public record Settings(String profile, String about, boolean fixed, LocalDate asOf, long seed, TeamStrategy teamStrategy,
                       Map<String, Integer> counts, Map<String, Double> parameters,
                       Map<String, DistributionSpec> distributions, Map<String, Double> roleMix,
                       Map<String, Double> extraRoleMix, List<CalendarSpec> calendars, List<Holiday> holidays) {

    /** An enterprise calendar: hours Monday..Sunday, and the share of resources on it. */
    public record CalendarSpec(String name, List<BigDecimal> hours, double weight) {
        public CalendarSpec { hours = List.copyOf(hours); }
    }

    /** A public holiday on the same date every year. */
    public record Holiday(MonthDay date, String name) {}

    public Settings {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        distributions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
        roleMix = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roleMix));
        extraRoleMix = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraRoleMix));
        calendars = List.copyOf(calendars);
        holidays = List.copyOf(holidays);
    }

    static Settings fixed(String profile, String about, long seed) {
        return new Settings(profile, about, true, LocalDate.of(2025, 1, 6), seed, TeamStrategy.UNIQUE, Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), List.of(), List.of());
    }

    public int count(String name) {
        Integer v = counts.get(name);
        if (v == null) throw new IllegalArgumentException("profile " + profile + " has no count '" + name + "'");
        return v;
    }

    public double parameter(String name) {
        Double v = parameters.get(name);
        if (v == null) throw new IllegalArgumentException("profile " + profile + " has no parameter '" + name + "'");
        return v;
    }

    public DistributionSpec distribution(String name) {
        DistributionSpec d = distributions.get(name);
        if (d == null) throw new IllegalArgumentException("profile " + profile + " has no distribution '" + name + "'");
        return d;
    }

    public int projects() { return count("projects"); }

    public int resources() { return count("resources"); }

    public int years() { return count("years"); }

    public int users() { return count("users"); }

    public int businessUnits() { return count("businessUnits"); }

    /** First day of the capacity horizon: asOf minus yearsBehind years. */
    public LocalDate horizonStart() { return asOf.minusYears(count("yearsBehind")); }

    /** Day after the horizon's last day. */
    public LocalDate horizonEnd() { return horizonStart().plusYears(years()); }

    /** Everything that decides the rows, for the manifest (same settings → same rows). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", profile);
        m.put("seed", seed);
        if (fixed) return m;
        m.put("asOf", asOf.toString());
        m.put("teamStrategy", teamStrategy.label());
        m.put("horizon", horizonStart() + ".." + horizonEnd().minusDays(1));
        m.put("counts", counts);
        m.put("parameters", parameters);
        Map<String, Object> d = new LinkedHashMap<>();
        distributions.forEach((k, v) -> d.put(k, v.type() + "(" + v.a() + (v.type().equals("poisson") || v.type().equals("geometric")
                || v.type().equals("constant") ? "" : ", " + v.b()) + ")" + (v.offset() != 0 ? " + " + v.offset() : "")
                + (v.min() != 0 || v.max() != Integer.MAX_VALUE ? " in [" + v.min() + ", " + (v.max() == Integer.MAX_VALUE ? "inf" : v.max()) + "]" : "")));
        m.put("distributions", d);
        m.put("roleMix", roleMix);
        m.put("extraRoleMix", extraRoleMix);
        Map<String, Object> c = new LinkedHashMap<>();
        calendars.forEach(x -> c.put(x.name(), Map.of("hours", x.hours().stream().map(BigDecimal::toPlainString).toList(), "weight", x.weight())));
        m.put("calendars", c);
        m.put("holidays", holidays.stream().map(h -> h.date().toString().substring(2) + " " + h.name()).toList());
        return m;
    }
}
