package io.ppmlab.schema;

import java.util.List;

/** An alternate key: columns whose values together identify one row. */
public record AlternateKey(String name, List<String> columns) {
    public AlternateKey { columns = List.copyOf(columns); }
}
