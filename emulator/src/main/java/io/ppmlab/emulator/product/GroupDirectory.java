package io.ppmlab.emulator.product;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The Entra side of the lab's Microsoft Entra ID group teams: each group's members (UPNs, lower case), by the
 * team it is linked to. Lab data, not Dataverse data: it lives in {@code <data-dir>/lab/groups.json}, never
 * in a table a client sees. A group appears here once an admin first changes it; until then it is taken to
 * match its team, so the sync leaves it alone.
 */
public final class GroupDirectory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<UUID, Set<String>> groups = new LinkedHashMap<>();

    private GroupDirectory(Path file) { this.file = file; }

    /** The directory of a data directory, read from its file when there is one. */
    public static GroupDirectory open(Path dataDir) {
        GroupDirectory d = new GroupDirectory(dataDir.resolve("lab").resolve("groups.json"));
        if (Files.exists(d.file)) d.read();
        return d;
    }

    /** A directory kept in memory only (unit tests). */
    public static GroupDirectory inMemory() { return new GroupDirectory(null); }

    /** The group's members, if the group was ever changed here. */
    public synchronized Optional<Set<String>> members(UUID teamId) {
        Set<String> m = groups.get(teamId);
        return m == null ? Optional.empty() : Optional.of(Collections.unmodifiableSet(new TreeSet<>(m)));
    }

    /** Every group ever changed here → its members (a copy). */
    public synchronized Map<UUID, Set<String>> all() {
        Map<UUID, Set<String>> copy = new LinkedHashMap<>();
        groups.forEach((team, members) -> copy.put(team, Collections.unmodifiableSet(new TreeSet<>(members))));
        return copy;
    }

    /**
     * Adds and removes members (removal wins when a UPN is in both) and saves. {@code initial} is the
     * group's membership the first time it is changed here: its team's members at that moment.
     */
    public synchronized Set<String> change(UUID teamId, Collection<String> initial, Collection<String> add, Collection<String> remove) {
        Set<String> members = groups.computeIfAbsent(teamId, k -> normalised(initial));
        members.addAll(normalised(add));
        members.removeAll(normalised(remove));
        write();
        return Collections.unmodifiableSet(new TreeSet<>(members));
    }

    static String normalise(String upn) { return upn.trim().toLowerCase(Locale.ROOT); }

    private static Set<String> normalised(Collection<String> upns) {
        Set<String> out = new TreeSet<>();
        upns.forEach(u -> out.add(normalise(u)));
        return out;
    }

    private void read() {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            root.path("groups").fields().forEachRemaining(e -> {
                Set<String> members = new TreeSet<>();
                e.getValue().forEach(m -> members.add(normalise(m.asText())));
                groups.put(UUID.fromString(e.getKey()), members);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lab's group directory " + file, e);
        }
    }

    /** Written to a temporary file and moved into place, so a crash leaves the old file or the new one. */
    private void write() {
        if (file == null) return;
        ObjectNode root = JSON.createObjectNode();
        ObjectNode out = root.putObject("groups");
        groups.forEach((team, members) -> {
            ArrayNode list = out.putArray(team.toString());
            members.forEach(list::add);
        });
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the lab's group directory " + file, e);
        }
    }
}
