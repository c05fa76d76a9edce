package io.ppmlab.schema;

import java.util.List;
import java.util.Optional;

/**
 * A column of a table.
 *
 * @param name       logical name (lower case), e.g. {@code sensei_costestimate}
 * @param type       the column type
 * @param required   true when a create must supply a value (Dataverse "business required")
 * @param maxLength  maximum characters for string and memo columns, 0 otherwise
 * @param choices    options of a choice column, empty otherwise
 * @param targets    logical names of the tables a lookup may point at (several for ownerid), empty otherwise
 * @param system     true for the platform's system columns (createdon, ownerid, versionnumber, ...)
 * @param writable   false for columns a client may not set (createdon, versionnumber, ...)
 */
public record Column(String name, ColumnType type, boolean required, int maxLength,
                     List<Choice> choices, List<String> targets, boolean system, boolean writable) {
    public Column {
        choices = List.copyOf(choices);
        targets = List.copyOf(targets);
    }

    /** The label of a choice value, if this column has that option. */
    public Optional<String> label(int value) {
        return choices.stream().filter(c -> c.value() == value).map(Choice::label).findFirst();
    }

    /** The {@code _name_value} property under which the Web API exposes a lookup. */
    public String lookupProperty() { return "_" + name + "_value"; }
}
