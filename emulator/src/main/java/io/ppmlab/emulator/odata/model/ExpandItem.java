package io.ppmlab.emulator.odata.model;

/**
 * One {@code $expand} item: the navigation, the table it leads to, whether it is a collection (1:N) or a lookup
 * (N:1), whether only references were asked for ({@code nav/$ref}), and the nested options.
 */
public record ExpandItem(String navigation, String targetTable, boolean collection, boolean ref,
                         QueryOptions options) {

    public String toCanonicalString() {
        String nested = options.toCanonicalString();
        return navigation + (ref ? "/$ref" : "") + (nested.isEmpty() ? "" : "(" + nested + ")");
    }
}
