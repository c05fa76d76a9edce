package io.ppmlab.emulator.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coefficients of the {@link CostModel}: a fixed cost per operation kind and a cost per counted
 * {@link Quantity}, in modelled milliseconds. Read from a JSON profile in which every coefficient carries
 * its source (or says it is an assumption); the committed one is {@code cost-profile.json} beside this class.
 *
 * @param name        the profile's name and version, reported with the figures
 * @param perRequest  fixed cost per operation kind (retrieve, query, create, ...); {@code other} is the fallback
 * @param perQuantity cost of one unit of each quantity
 */
public record CostProfile(String name, Map<String, Double> perRequest, Map<Quantity, Double> perQuantity) {
    public static final String RESOURCE = "cost-profile.json";

    public CostProfile {
        perRequest = Map.copyOf(perRequest);
        perQuantity = new EnumMap<>(perQuantity);
        if (!perRequest.containsKey("other")) throw new IllegalArgumentException("a cost profile needs a perRequest cost for 'other'");
    }

    /** The committed profile. */
    public static CostProfile standard() {
        try (InputStream in = CostProfile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + RESOURCE);
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CostProfile read(Path file) {
        try {
            return parse(new ObjectMapper().readTree(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CostProfile parse(JsonNode root) {
        Map<String, Double> perRequest = new TreeMap<>();
        root.path("perRequestMs").fields().forEachRemaining(e -> perRequest.put(e.getKey(), value(e.getKey(), e.getValue())));
        Map<Quantity, Double> perQuantity = new EnumMap<>(Quantity.class);
        JsonNode q = root.path("perUnitMs");
        for (Quantity quantity : Quantity.values()) {
            JsonNode c = q.path(quantity.key());
            perQuantity.put(quantity, c.isMissingNode() ? 0.0 : value(quantity.key(), c));
        }
        q.fieldNames().forEachRemaining(f -> {
            boolean known = false;
            for (Quantity quantity : Quantity.values()) known |= quantity.key().equals(f);
            if (!known) throw new IllegalArgumentException("unknown quantity '" + f + "' in the cost profile");
        });
        return new CostProfile(root.path("name").asText("unnamed"), perRequest, perQuantity);
    }

    private static double value(String key, JsonNode coefficient) {
        JsonNode v = coefficient.isObject() ? coefficient.path("value") : coefficient;
        if (!v.isNumber() || v.asDouble() < 0) throw new IllegalArgumentException("coefficient '" + key + "' needs a non-negative number 'value'");
        return v.asDouble();
    }

    public double base(String operation) { return perRequest.getOrDefault(operation, perRequest.get("other")); }

    public double unit(Quantity q) { return perQuantity.getOrDefault(q, 0.0); }
}
