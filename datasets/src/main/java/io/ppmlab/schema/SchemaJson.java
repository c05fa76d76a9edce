package io.ppmlab.schema;

import java.util.List;
import java.util.Map;

/**
 * The JSON shape of the files under {@code schema/} (see {@link SchemaLoader}). Absent values are null
 * here; the loader applies the defaults, so the defaults live in one place.
 */
final class SchemaJson {
    private SchemaJson() {}

    record Index(String description, List<String> files) {}

    record File(String description, Map<String, List<Choice>> choiceSets,
                Map<String, List<ColumnSpec>> columnSets, List<TableSpec> tables) {}

    record TableSpec(String name, String entitySet, Ownership ownership, String primaryName,
                     Boolean intersect, List<String> include, List<ColumnSpec> columns,
                     List<Choice> statusReasons, List<AlternateKey> keys, String description) {}

    record ColumnSpec(String name, ColumnType type, Boolean required, Integer maxLength,
                      List<Choice> choices, String choiceSet, String target, String relationship,
                      Cascade cascade, Boolean writable, String description) {}
}
