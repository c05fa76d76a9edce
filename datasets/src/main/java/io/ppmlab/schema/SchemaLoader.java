package io.ppmlab.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the {@link Schema} from the JSON files under {@code schema/} on the classpath: adds the system
 * columns ({@link SystemColumns}) to every table, turns lookup columns into relationships, and validates
 * the whole, reporting every problem at once in a {@link SchemaException}.
 */
public final class SchemaLoader {
    public static final String DEFAULT_INDEX = "schema/index.json";

    private static final Pattern LOGICAL_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private SchemaLoader() {}

    /** The lab's schema: the files {@value #DEFAULT_INDEX} lists. */
    public static Schema loadDefault() { return parse(defaultDocuments()); }

    /** The default files' text by resource name, in index order (a mutable copy: tests add broken files). */
    public static Map<String, String> defaultDocuments() { return documents(DEFAULT_INDEX); }

    /** The text of the files an index resource lists, by resource name; paths are relative to the index. */
    public static Map<String, String> documents(String indexResource) {
        SchemaJson.Index index;
        try {
            index = JSON.readValue(resource(indexResource), SchemaJson.Index.class);
        } catch (JsonProcessingException e) {
            throw new SchemaException(List.of(indexResource + ": " + e.getOriginalMessage()));
        }
        String folder = indexResource.contains("/") ? indexResource.substring(0, indexResource.lastIndexOf('/') + 1) : "";
        Map<String, String> docs = new LinkedHashMap<>();
        for (String f : Objects.requireNonNullElse(index.files(), List.<String>of())) docs.put(folder + f, resource(folder + f));
        return docs;
    }

    /** Builds a schema from JSON documents (name → text); names only label the error messages. */
    public static Schema parse(Map<String, String> documents) {
        return new Build(documents).schema();
    }

    private static String resource(String name) {
        try (InputStream in = SchemaLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new SchemaException(List.of(name + ": no such resource on the classpath"));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    /** One load: accumulates problems instead of stopping at the first. */
    private static final class Build {
        private final List<String> problems = new ArrayList<>();
        private final Map<String, List<Choice>> choiceSets = new HashMap<>();
        private final Map<String, List<SchemaJson.ColumnSpec>> columnSets = new HashMap<>();
        private final List<Table> tables = new ArrayList<>();
        private final Set<String> intersects = new HashSet<>();
        private final List<Relationship> relationships = new ArrayList<>();
        private final Map<Relationship, String> declaredAt = new HashMap<>();

        Build(Map<String, String> documents) {
            Map<String, SchemaJson.File> files = new LinkedHashMap<>();
            documents.forEach((name, text) -> {
                try {
                    files.put(name, JSON.readValue(text, SchemaJson.File.class));
                } catch (JsonProcessingException e) {
                    problems.add(name + ": " + e.getOriginalMessage().replace('\n', ' ')
                            + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
                }
            });
            // Sets first, so a table may use a set declared in any file.
            files.forEach((name, f) -> {
                mergeSets(name, "choice set", f.choiceSets(), choiceSets);
                mergeSets(name, "column set", f.columnSets(), columnSets);
            });
            files.forEach((name, f) -> {
                for (SchemaJson.TableSpec t : nonNull(f.tables())) table(name, t);
            });
        }

        Schema schema() {
            checkTablesAndSets();
            checkRelationships();
            if (!problems.isEmpty()) throw new SchemaException(problems);
            return new Schema(tables, relationships);
        }

        private <T> void mergeSets(String file, String kind, Map<String, T> from, Map<String, T> into) {
            if (from == null) return;
            from.forEach((k, v) -> {
                if (into.putIfAbsent(k, v) != null) problems.add(file + ": duplicate " + kind + " " + k);
            });
        }

        private void table(String file, SchemaJson.TableSpec spec) {
            String name = spec.name();
            String where = file + ": table " + name;
            if (name == null || !LOGICAL_NAME.matcher(name).matches()) {
                problems.add(file + ": table name missing or not a lower-case logical name: " + name);
                return;
            }
            Ownership ownership = Objects.requireNonNullElse(spec.ownership(), Ownership.USER_OR_TEAM);
            if (Boolean.TRUE.equals(spec.intersect())) intersects.add(name);

            List<Choice> extraStatus = nonNull(spec.statusReasons());
            checkChoices(where + ": statusReasons", SystemColumns.DEFAULT_STATUS, extraStatus);
            List<Column> columns = new ArrayList<>(SystemColumns.columns(name, ownership, extraStatus));
            SystemColumns.relationships(name, ownership).forEach(r -> addRelationship(r, where));

            List<SchemaJson.ColumnSpec> specs = new ArrayList<>();
            for (String set : nonNull(spec.include())) {
                List<SchemaJson.ColumnSpec> cols = columnSets.get(set);
                if (cols == null) problems.add(where + ": unknown column set " + set);
                else specs.addAll(cols);
            }
            specs.addAll(nonNull(spec.columns()));
            Set<String> seen = new HashSet<>();
            columns.forEach(c -> seen.add(c.name()));
            for (SchemaJson.ColumnSpec c : specs) {
                Column col = column(where, name, c);
                if (col == null) continue;
                if (!seen.add(col.name())) {
                    problems.add(where + ": duplicate column " + col.name());
                    continue;
                }
                columns.add(col);
            }

            String primaryName = primaryName(where, name, spec, columns);
            String entitySet = Objects.requireNonNullElse(spec.entitySet(), EntitySetNames.plural(name));
            if (!LOGICAL_NAME.matcher(entitySet).matches()) problems.add(where + ": bad entity set name " + entitySet);
            List<AlternateKey> keys = nonNull(spec.keys());
            checkKeys(where, keys, seen);
            tables.add(new Table(name, entitySet, name + "id", primaryName, ownership, columns, keys));
        }

        private String primaryName(String where, String table, SchemaJson.TableSpec spec, List<Column> columns) {
            boolean product = table.startsWith("sensei_");
            String primary = spec.primaryName() != null ? spec.primaryName() : product ? "sensei_name" : null;
            if (product && !"sensei_name".equals(primary)) {
                problems.add(where + ": a product table's primary name column must be sensei_name, not " + primary);
            }
            if (primary == null) return null;
            Column col = columns.stream().filter(c -> c.name().equals(primary)).findFirst().orElse(null);
            if (col == null) problems.add(where + ": primary name column " + primary + " is not declared");
            else if (col.type() != ColumnType.STRING) problems.add(where + ": primary name column " + primary + " must be STRING");
            return primary;
        }

        private Column column(String tableWhere, String table, SchemaJson.ColumnSpec c) {
            String where = tableWhere + ": column " + c.name();
            if (c.name() == null || !LOGICAL_NAME.matcher(c.name()).matches()) {
                problems.add(tableWhere + ": column name missing or not a lower-case logical name: " + c.name());
                return null;
            }
            if (c.type() == null) {
                problems.add(where + ": type missing");
                return null;
            }
            List<Choice> choices = choices(where, c);
            boolean lookup = c.type() == ColumnType.LOOKUP;
            if (lookup && c.target() == null) problems.add(where + ": a LOOKUP needs a target");
            if (!lookup && (c.target() != null || c.relationship() != null || c.cascade() != null)) {
                problems.add(where + ": target, relationship and cascade apply only to LOOKUP columns");
            }
            boolean text = c.type() == ColumnType.STRING || c.type() == ColumnType.MEMO;
            if (!text && c.maxLength() != null) problems.add(where + ": maxLength applies only to STRING and MEMO");
            int maxLength = c.maxLength() != null ? c.maxLength() : c.type() == ColumnType.STRING ? 100 : text ? 2000 : 0;
            if (lookup && c.target() != null) {
                String rel = Objects.requireNonNullElse(c.relationship(), table + "_" + c.name());
                Cascade cascade = Objects.requireNonNullElse(c.cascade(), Cascade.REFERENTIAL);
                addRelationship(new Relationship(rel, c.target(), table, c.name(), cascade), tableWhere);
            }
            return new Column(c.name(), c.type(), Boolean.TRUE.equals(c.required()), maxLength, choices,
                    lookup && c.target() != null ? List.of(c.target()) : List.of(), false, !Boolean.FALSE.equals(c.writable()));
        }

        private List<Choice> choices(String where, SchemaJson.ColumnSpec c) {
            if (c.choices() != null && c.choiceSet() != null) problems.add(where + ": give choices or choiceSet, not both");
            List<Choice> choices = nonNull(c.choices());
            if (c.choiceSet() != null) {
                choices = choiceSets.get(c.choiceSet());
                if (choices == null) {
                    problems.add(where + ": unknown choice set " + c.choiceSet());
                    choices = List.of();
                }
            }
            if (c.type() == ColumnType.CHOICE && choices.isEmpty() && c.choiceSet() == null) problems.add(where + ": a CHOICE needs options");
            if (c.type() != ColumnType.CHOICE && !choices.isEmpty()) problems.add(where + ": options apply only to CHOICE columns");
            checkChoices(where, List.of(), choices);
            return choices;
        }

        private void checkChoices(String where, List<Choice> base, List<Choice> extra) {
            Set<Integer> values = new HashSet<>();
            base.forEach(ch -> values.add(ch.value()));
            for (Choice ch : extra) {
                if (ch.label() == null || ch.label().isBlank()) problems.add(where + ": option " + ch.value() + " has no label");
                if (!values.add(ch.value())) problems.add(where + ": duplicate option value " + ch.value());
            }
        }

        private void checkKeys(String where, List<AlternateKey> keys, Set<String> columns) {
            Set<String> names = new HashSet<>();
            for (AlternateKey k : keys) {
                if (!names.add(k.name())) problems.add(where + ": duplicate key " + k.name());
                if (k.columns().isEmpty()) problems.add(where + ": key " + k.name() + " has no columns");
                k.columns().stream().filter(c -> !columns.contains(c))
                        .forEach(c -> problems.add(where + ": key " + k.name() + " names unknown column " + c));
            }
        }

        private void addRelationship(Relationship r, String where) {
            relationships.add(r);
            declaredAt.put(r, where);
        }

        private void checkTablesAndSets() {
            Map<String, String> sets = new HashMap<>();
            Set<String> names = new HashSet<>();
            for (Table t : tables) {
                if (!names.add(t.logicalName())) problems.add("duplicate table " + t.logicalName());
                String other = sets.putIfAbsent(t.entitySetName(), t.logicalName());
                if (other != null) problems.add("entity set " + t.entitySetName() + " used by both " + other + " and " + t.logicalName());
            }
        }

        private void checkRelationships() {
            Set<String> tableNames = new HashSet<>();
            tables.forEach(t -> tableNames.add(t.logicalName()));
            Map<String, Relationship> byName = new HashMap<>();
            Map<String, List<String>> parental = new LinkedHashMap<>();
            for (Relationship r : relationships) {
                String where = declaredAt.get(r);
                if (!tableNames.contains(r.referencedTable())) {
                    problems.add(where + ": column " + r.lookupColumn() + " targets unknown table " + r.referencedTable());
                }
                if (byName.putIfAbsent(r.schemaName(), r) != null) problems.add(where + ": duplicate relationship name " + r.schemaName());
                if (r.cascade() == Cascade.PARENTAL) {
                    parental.computeIfAbsent(r.referencingTable(), k -> new ArrayList<>()).add(r.lookupColumn());
                }
            }
            // Dataverse allows one parental relationship per table; intersect tables stand in for N:N, whose both sides cascade.
            parental.forEach((table, cols) -> {
                if (cols.size() > 1 && !intersects.contains(table)) {
                    problems.add("table " + table + ": more than one PARENTAL lookup " + cols);
                }
            });
        }

        private static <T> List<T> nonNull(List<T> list) { return list == null ? List.of() : list; }
    }
}
