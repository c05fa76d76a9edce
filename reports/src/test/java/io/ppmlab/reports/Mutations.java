package io.ppmlab.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Copies of fixtures with one change, written into a test's temporary folder. */
public final class Mutations {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Mutations() {}

    /** A results folder under {@code dir/name} holding the fixture's results.json after {@code change}. */
    public static Path copy(String fixture, Path dir, String name, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(Fixtures.path(fixture).resolve("results.json").toFile());
            change.accept(root);
            Path folder = Files.createDirectories(dir.resolve(name));
            MAPPER.writeValue(folder.resolve("results.json").toFile(), root);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Multiplies every client-side time of one persona's requests by {@code factor}. */
    public static Consumer<ObjectNode> slower(String persona, double factor) {
        return root -> root.withArray("requests").forEach(q -> {
            if (!persona.equals(q.path("persona").asText())) return;
            ObjectNode o = (ObjectNode) q;
            for (String f : new String[]{"p50Ms", "p90Ms", "p95Ms", "p99Ms", "maxMs", "meanMs"}) o.put(f, o.path(f).asDouble() * factor);
        });
    }
}
