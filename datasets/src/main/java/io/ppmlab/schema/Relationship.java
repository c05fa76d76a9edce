package io.ppmlab.schema;

/**
 * A 1:N relationship: rows of {@code referencingTable} point at a row of {@code referencedTable}
 * through {@code lookupColumn}.
 *
 * @param schemaName           relationship name, also the collection-valued navigation property on the
 *                             referenced table, e.g. {@code sensei_project_sensei_program}
 * @param referencedTable      the "one" side (parent), e.g. {@code sensei_program}
 * @param referencingTable     the "many" side (child), e.g. {@code sensei_project}
 * @param lookupColumn         the lookup column on the child, also its single-valued navigation property
 * @param cascade              behaviour preset
 */
public record Relationship(String schemaName, String referencedTable, String referencingTable,
                           String lookupColumn, Cascade cascade) {

    /** The collection-valued navigation property from parent to children. */
    public String collectionNavigation() { return schemaName; }
}
