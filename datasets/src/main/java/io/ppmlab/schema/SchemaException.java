package io.ppmlab.schema;

import java.util.List;

/** The schema JSON is malformed or inconsistent; {@link #problems()} lists every problem found, not just the first. */
public final class SchemaException extends RuntimeException {
    private final List<String> problems;

    public SchemaException(List<String> problems) {
        super("invalid schema:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
