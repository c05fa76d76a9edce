package io.ppmlab.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All tables and relationships the emulator serves. Built once, read-only afterwards. */
public final class Schema {
    private final Map<String, Table> byName = new LinkedHashMap<>();
    private final Map<String, Table> bySet = new LinkedHashMap<>();
    private final List<Relationship> relationships;

    public Schema(List<Table> tables, List<Relationship> relationships) {
        for (Table t : tables) {
            if (byName.put(t.logicalName(), t) != null) throw new IllegalArgumentException("duplicate table " + t.logicalName());
            if (bySet.put(t.entitySetName(), t) != null) throw new IllegalArgumentException("duplicate entity set " + t.entitySetName());
        }
        this.relationships = List.copyOf(relationships);
    }

    public List<Table> tables() { return List.copyOf(byName.values()); }

    public Optional<Table> table(String logicalName) { return Optional.ofNullable(byName.get(logicalName)); }

    public Optional<Table> tableBySet(String entitySetName) { return Optional.ofNullable(bySet.get(entitySetName)); }

    public List<Relationship> relationships() { return relationships; }

    /** Relationships where {@code table} is the child (its lookups). */
    public List<Relationship> parentsOf(String table) {
        return relationships.stream().filter(r -> r.referencingTable().equals(table)).toList();
    }

    /** Relationships where {@code table} is the parent (its collection navigations). */
    public List<Relationship> childrenOf(String table) {
        return relationships.stream().filter(r -> r.referencedTable().equals(table)).toList();
    }

    /** The relationship behind a collection-valued navigation property of {@code table}. */
    public Optional<Relationship> collectionNavigation(String table, String navigation) {
        return childrenOf(table).stream().filter(r -> r.schemaName().equals(navigation)).findFirst();
    }
}
