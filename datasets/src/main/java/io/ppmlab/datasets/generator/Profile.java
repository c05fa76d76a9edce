package io.ppmlab.datasets.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ppmlab.schema.ValueRanges;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset profile as read from {@code profiles/<name>.json} on the class path (after merging the
 * profile it {@code extends}), and {@link #settings(Knobs)} to resolve it with scale knobs into the
 * numbers a generation uses. The meaning of every entry is in the file's {@code about} texts.
 */
public final class Profile {
    /** Profiles shipped in {@code datasets/src/main/resources/profiles}. */
    public static final List<String> SHIPPED = List.of("demo", "limits", "stress");
    /** The product's documented maximum capacity horizon. */
    public static final int MAX_YEARS = 11;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final ObjectNode json;

    private Profile(String name, ObjectNode json) {
        this.name = name;
        this.json = json;
    }

    public static Profile load(String name) {
        if (!name.matches("[a-z0-9-]+")) throw new IllegalArgumentException("bad profile name '" + name + "'");
        ObjectNode own = read(name);
        if (own.hasNonNull("extends")) {
            String base = own.get("extends").asText();
            if (base.equals(name)) throw new IllegalArgumentException("profile " + name + " extends itself");
            ObjectNode merged = load(base).json.deepCopy();
            merge(merged, own);
            merged.remove("extends");
            return new Profile(name, merged);
        }
        return new Profile(name, own);
    }

    public String name() { return name; }

    public String about() { return json.path("about").asText(""); }

    /** True for a profile that is not generated from distributions (demo): knobs cannot change it. */
    public boolean fixed() { return json.path("fixed").asBoolean(false); }

    /** The profile with the knobs applied; fails with a clear message on a value out of range. */
    public Settings settings(Knobs knobs) {
        if (fixed()) {
            if (knobs.anyScale()) throw new IllegalArgumentException("the " + name + " profile is fixed: scale knobs do not apply to it");
            return Settings.fixed(name, about(), knobs.seed().orElse(0L));
        }
        int years = knobs.years().orElse(count("years"));
        if (years < 1 || years > MAX_YEARS) {
            throw new IllegalArgumentException("the capacity horizon must be 1 to " + MAX_YEARS + " years (the product's documented maximum), not " + years);
        }
        int businessUnits = knobs.businessUnits().orElse(count("businessUnits"));
        if (businessUnits < 1) throw new IllegalArgumentException("business units must be at least 1 (the root)");
        Map<String, Integer> counts = new LinkedHashMap<>();
        json.path("counts").fieldNames().forEachRemaining(k -> counts.put(k, count(k)));
        knobs.projects().ifPresent(v -> counts.put("projects", v));
        knobs.resources().ifPresent(v -> counts.put("resources", v));
        knobs.users().ifPresent(v -> counts.put("users", v));
        counts.put("years", years);
        counts.put("businessUnits", businessUnits);
        counts.put("yearsBehind", Math.max(0, Math.min(count("yearsBehind"), years - 1)));
        counts.forEach((k, v) -> {
            if (v < 0) throw new IllegalArgumentException(k + " must not be negative, not " + v);
        });
        Map<String, Double> parameters = new LinkedHashMap<>();
        json.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().path("value").asDouble()));
        Map<String, DistributionSpec> distributions = new LinkedHashMap<>();
        json.path("distributions").fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) distributions.put(e.getKey(), DistributionSpec.parse(e.getKey(), e.getValue()));
        });
        LocalDate asOf = knobs.asOf().orElse(LocalDate.parse(json.path("asOf").path("value").asText()));
        // the generator writes dates up to a horizon around as-of; Dataverse's dates run from 1753 to 9999
        if (asOf.getYear() - years < ValueRanges.FIRST_DAY.getYear() || asOf.getYear() + years + 1 > ValueRanges.LAST_DAY.getYear()) {
            throw new IllegalArgumentException("as-of " + asOf + " with a " + years + "-year horizon reaches outside Dataverse's dates ("
                    + ValueRanges.FIRST_DAY + " to " + ValueRanges.LAST_DAY + ")");
        }
        return new Settings(name, about(), false,
                asOf,
                knobs.seed().orElse(json.path("seed").path("value").asLong()),
                knobs.teamStrategy().orElse(TeamStrategy.parse(json.path("teamStrategy").path("value").asText())),
                counts, parameters, distributions, weights("roleMix"), weights("extraRoleMix"), calendars(), holidays());
    }

    private int count(String key) {
        JsonNode v = json.path("counts").path(key).path("value");
        if (!v.isInt()) throw new IllegalArgumentException("profile " + name + ": counts." + key + " missing or not an integer");
        return v.asInt();
    }

    private Map<String, Double> weights(String section) {
        Map<String, Double> out = new LinkedHashMap<>();
        json.path(section).fields().forEachRemaining(e -> { if (e.getValue().isNumber()) out.put(e.getKey(), e.getValue().asDouble()); });
        return out;
    }

    private List<Settings.CalendarSpec> calendars() {
        List<Settings.CalendarSpec> out = new ArrayList<>();
        json.path("calendars").fields().forEachRemaining(e -> {
            if (!e.getValue().isObject()) return;
            JsonNode hours = e.getValue().path("hours");
            if (hours.size() != 7) throw new IllegalArgumentException("calendar " + e.getKey() + ": hours needs 7 values, Monday to Sunday");
            List<BigDecimal> h = new ArrayList<>();
            hours.forEach(x -> h.add(x.isIntegralNumber() ? BigDecimal.valueOf(x.asLong()) : x.decimalValue()));
            out.add(new Settings.CalendarSpec(e.getKey(), h, e.getValue().path("weight").asDouble(1)));
        });
        if (out.isEmpty()) throw new IllegalArgumentException("profile " + name + " defines no calendars");
        return out;
    }

    private List<Settings.Holiday> holidays() {
        List<Settings.Holiday> out = new ArrayList<>();
        json.path("holidays").fields().forEachRemaining(e -> {
            if (!e.getKey().equals("about")) out.add(new Settings.Holiday(MonthDay.parse("--" + e.getKey()), e.getValue().asText()));
        });
        return out;
    }

    private static ObjectNode read(String name) {
        String path = "profiles/" + name + ".json";
        try (InputStream in = Profile.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("unknown dataset profile '" + name + "' (known: " + String.join(", ", SHIPPED) + ")");
            JsonNode n = JSON.readTree(in);
            if (!n.isObject()) throw new IllegalArgumentException(path + " is not a JSON object");
            return (ObjectNode) n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Objects merge field by field; anything else in {@code over} replaces what {@code base} has. */
    private static void merge(ObjectNode base, ObjectNode over) {
        Iterator<Map.Entry<String, JsonNode>> it = over.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = base.get(e.getKey());
            if (existing instanceof ObjectNode o && e.getValue() instanceof ObjectNode v) merge(o, v);
            else base.set(e.getKey(), e.getValue().deepCopy());
        }
    }
}
