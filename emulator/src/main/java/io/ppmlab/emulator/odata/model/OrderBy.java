package io.ppmlab.emulator.odata.model;

import java.util.List;

/** One {@code $orderby} item: a property path (through lookups) and its direction. */
public record OrderBy(List<String> path, boolean descending) {
    public OrderBy { path = List.copyOf(path); }

    public String toCanonicalString() { return String.join("/", path) + (descending ? " desc" : " asc"); }
}
