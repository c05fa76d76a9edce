package io.ppmlab.emulator.resourcing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What {@link CapacityService} last made true, kept in {@code <data-dir>/resourcing/capacity-state.json} so a
 * restart does not recompute 2,000 resources × 4 years: the window the rows cover, and per resource the
 * fingerprint of its inputs and the id prefix its rows were written under. Written after the rows (an
 * interrupted round is redone, and redoing is idempotent); a missing or unreadable file means "verify everything".
 */
final class CapacityState {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param hasRows false for a resource without a calendar (it has no capacity rows) */
    record Entry(String fingerprint, String prefix, boolean hasRows) {}

    private final Path file;
    CapacityHorizon.Window window;
    final Map<UUID, Entry> resources = new HashMap<>();

    private CapacityState(Path file) { this.file = file; }

    /** The state kept in {@code file}, or an empty one; {@code file} null keeps it in memory only. */
    static CapacityState open(Path file) {
        CapacityState s = new CapacityState(file);
        if (file == null || !Files.exists(file)) return s;
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode w = root.path("window");
            if (w.hasNonNull("start")) s.window = new CapacityHorizon.Window(LocalDate.parse(w.get("start").asText()), LocalDate.parse(w.get("end").asText()));
            root.path("resources").fields().forEachRemaining(e -> s.resources.put(UUID.fromString(e.getKey()), new Entry(
                    e.getValue().path("fingerprint").asText(), e.getValue().path("prefix").asText(), e.getValue().path("hasRows").asBoolean())));
        } catch (IOException | RuntimeException e) {
            s.window = null;
            s.resources.clear(); // unreadable: start over, the next round verifies every row
        }
        return s;
    }

    void save() {
        if (file == null) return;
        ObjectNode root = JSON.createObjectNode();
        ObjectNode w = root.putObject("window");
        if (window != null) {
            w.put("start", window.start().toString());
            w.put("end", window.end().toString());
        }
        ObjectNode res = root.putObject("resources");
        resources.forEach((id, e) -> {
            ObjectNode n = res.putObject(id.toString());
            n.put("fingerprint", e.fingerprint());
            n.put("prefix", e.prefix());
            n.put("hasRows", e.hasRows());
        });
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
