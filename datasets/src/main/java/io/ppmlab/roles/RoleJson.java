package io.ppmlab.roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the role files. A role file lists grants ({@code tables × privileges → depth}); each grant
 * quotes the documentation ({@code text}) or says why it was chosen ({@code why}), and a grant
 * without either is refused so that no depth is left unexplained. {@code @name} expands a table
 * group or, in {@code extends}, a shared grant set; a plain name in {@code extends} copies an
 * earlier role (the basic model's layering). Grants only ever widen: the broadest depth wins.
 */
final class RoleJson {
    private final ObjectMapper mapper = new ObjectMapper();
    private final String directory;
    private final ClassLoader loader;
    private final Map<String, List<String>> tableGroups = new LinkedHashMap<>();
    private final Set<String> knownTables = new LinkedHashSet<>();
    private final Map<String, JsonNode> grantSets = new LinkedHashMap<>();
    private final Map<String, RoleDefinition> loaded = new LinkedHashMap<>();

    RoleJson(String directory, ClassLoader loader) {
        this.directory = directory;
        this.loader = loader;
    }

    RoleCatalog read() {
        JsonNode catalog = tree("catalog.json");
        catalog.path("tableGroups").properties().forEach(e -> {
            List<String> tables = new ArrayList<>();
            e.getValue().forEach(t -> tables.add(t.asText()));
            tableGroups.put(e.getKey(), tables);
            knownTables.addAll(tables);
        });
        catalog.path("grantSets").properties().forEach(e -> grantSets.put(e.getKey(), e.getValue()));
        for (JsonNode file : catalog.path("roles")) {
            RoleDefinition role = role(tree(file.asText()), file.asText());
            if (loaded.put(role.name(), role) != null) throw new IllegalArgumentException("duplicate role " + role.name());
        }
        return new RoleCatalog(new ArrayList<>(loaded.values()), knownTables);
    }

    private RoleDefinition role(JsonNode json, String file) {
        String name = required(json, "name", file);
        Builder b = new Builder(name);
        for (JsonNode base : json.path("extends")) {
            String ref = base.asText();
            if (ref.startsWith("@")) {
                JsonNode set = grantSets.get(ref.substring(1));
                if (set == null) throw new IllegalArgumentException(name + ": unknown grant set " + ref);
                set.forEach(b::grant);
            } else {
                RoleDefinition parent = loaded.get(ref);
                if (parent == null) throw new IllegalArgumentException(name + ": extends '" + ref + "' which is not listed before it");
                b.inherit(parent);
            }
        }
        json.path("grants").forEach(b::grant);
        json.path("taskPrivileges").forEach(t -> {
            if (!t.asText().startsWith("prv")) throw new IllegalArgumentException(name + ": task privilege '" + t.asText() + "' must start with prv");
            b.taskPrivileges.add(t.asText());
        });
        if (json.hasNonNull("inheritanceWhy")) b.notes.put("inheritance", json.get("inheritanceWhy").asText());
        if (json.hasNonNull("taskPrivilegesWhy")) b.notes.put("taskPrivileges", json.get("taskPrivilegesWhy").asText());
        if (!json.path("taskPrivileges").isEmpty() && !json.hasNonNull("taskPrivilegesWhy")) {
            throw new IllegalArgumentException(name + ": task privileges need a 'taskPrivilegesWhy'");
        }
        return new RoleDefinition(name, RoleModel.valueOf(required(json, "model", file)), b.tables,
                b.taskPrivileges, TeamInheritance.valueOf(required(json, "inheritance", file)), b.notes);
    }

    private final class Builder {
        final String role;
        final Map<String, Map<Privilege, Depth>> tables = new LinkedHashMap<>();
        final Set<String> taskPrivileges = new LinkedHashSet<>();
        final Map<String, String> notes = new LinkedHashMap<>();

        Builder(String role) { this.role = role; }

        void inherit(RoleDefinition parent) {
            parent.tables().forEach((t, ps) -> ps.forEach((p, d) -> widen(t, p, d)));
            taskPrivileges.addAll(parent.taskPrivileges());
            parent.notes().forEach(this::note);
        }

        void grant(JsonNode grant) {
            String why = grant.path("why").asText("");
            if (why.isBlank() && grant.path("text").asText("").isBlank()) {
                throw new IllegalArgumentException(role + ": grant " + grant + " has neither 'text' nor 'why'");
            }
            Depth depth = parse(Depth.class, grant.path("depth").asText(), "depth");
            List<Privilege> privileges = privileges(grant.path("privileges"));
            for (String table : tables(grant.path("tables"))) {
                privileges.forEach(p -> widen(table, p, depth));
                if (!why.isBlank()) note(table, why);
            }
        }

        private void widen(String table, Privilege p, Depth d) {
            tables.computeIfAbsent(table, t -> new EnumMap<>(Privilege.class)).merge(p, d, Depth::max);
        }

        private void note(String key, String why) {
            notes.merge(key, why, (a, b) -> a.contains(b) ? a : a + " | " + b);
        }

        private List<String> tables(JsonNode names) {
            List<String> out = new ArrayList<>();
            for (JsonNode n : names) {
                String name = n.asText();
                if (name.startsWith("@")) {
                    List<String> group = tableGroups.get(name.substring(1));
                    if (group == null) throw new IllegalArgumentException(role + ": unknown table group " + name);
                    out.addAll(group);
                } else if (knownTables.contains(name)) {
                    out.add(name);
                } else {
                    throw new IllegalArgumentException(role + ": unknown table '" + name + "'");
                }
            }
            return out;
        }

        private List<Privilege> privileges(JsonNode names) {
            List<Privilege> out = new ArrayList<>();
            for (JsonNode n : names) {
                if (n.asText().equals("ALL")) out.addAll(List.of(Privilege.values()));
                else out.add(parse(Privilege.class, n.asText(), "privilege"));
            }
            if (out.isEmpty()) throw new IllegalArgumentException(role + ": grant lists no privileges");
            return out;
        }

        private <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(role + ": unknown " + what + " '" + value + "' (known: "
                        + List.of(type.getEnumConstants()) + ")", e);
            }
        }
    }

    private static String required(JsonNode json, String field, String file) {
        if (!json.hasNonNull(field)) throw new IllegalArgumentException(file + ": missing '" + field + "'");
        return json.get(field).asText();
    }

    private JsonNode tree(String file) {
        String path = directory + "/" + file;
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("no resource " + path);
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
    }
}
