package io.ppmlab.emulator.query.apply;

import io.ppmlab.emulator.odata.ODataErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code $apply} grammar Dataverse supports, parsed from its raw text: a chain of {@code filter(...)}
 * transformations, then at most one {@code groupby((paths)[,aggregate(...)])} or {@code aggregate(...)}, where an
 * aggregate is {@code path with sum|average|min|max as alias} or {@code $count as alias}.
 */
public final class ApplyText {
    /** @param filters raw $filter texts, applied in order; @param groupBy paths (as segment lists); @param aggregates */
    public record Parsed(List<String> filters, List<List<String>> groupBy, List<Aggregate> aggregates, boolean grouped) {
        public Parsed {
            filters = List.copyOf(filters);
            groupBy = List.copyOf(groupBy);
            aggregates = List.copyOf(aggregates);
        }
    }

    /** {@code path} is empty for {@code $count}. */
    public record Aggregate(List<String> path, String method, String alias) {}

    private final String text;
    private int pos;

    private ApplyText(String text) { this.text = text; }

    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) throw ODataErrors.syntax("$apply is empty.");
        return new ApplyText(text.trim()).apply();
    }

    private Parsed apply() {
        List<String> filters = new ArrayList<>();
        List<List<String>> groupBy = new ArrayList<>();
        List<Aggregate> aggregates = new ArrayList<>();
        boolean grouped = false;
        boolean aggregated = false;
        while (true) {
            skipSpaces();
            String name = identifier();
            expect('(');
            if (aggregated) throw ODataErrors.notSupported("A transformation after groupby or aggregate in $apply");
            switch (name) {
                case "filter" -> filters.add(balanced());
                case "groupby" -> {
                    skipSpaces();
                    expect('(');
                    do { groupBy.add(path()); } while (accept(','));
                    expect(')');
                    if (accept(',')) {
                        skipSpaces();
                        String inner = identifier();
                        if (!inner.equals("aggregate")) throw ODataErrors.notSupported("'" + inner + "' inside groupby");
                        expect('(');
                        aggregates(aggregates);
                    }
                    expect(')');
                    grouped = true;
                    aggregated = true;
                }
                case "aggregate" -> {
                    aggregates(aggregates);
                    aggregated = true;
                }
                default -> throw ODataErrors.notSupported("The $apply transformation '" + name + "'");
            }
            skipSpaces();
            if (pos >= text.length()) break;
            expect('/');
        }
        if (!aggregated && filters.isEmpty()) throw ODataErrors.syntax("$apply has no transformation.");
        return new Parsed(filters, groupBy, aggregates, grouped);
    }

    /** Aggregates up to and including the closing parenthesis. */
    private void aggregates(List<Aggregate> out) {
        do {
            skipSpaces();
            List<String> path;
            String method;
            if (text.startsWith("$count", pos)) {
                pos += 6;
                path = List.of();
                method = "count";
            } else {
                path = path();
                keyword("with");
                method = identifier().toLowerCase(Locale.ROOT);
                if (method.equals("countdistinct")) throw ODataErrors.notSupported("countdistinct in $apply (distinct counts)");
                if (!List.of("sum", "average", "min", "max").contains(method)) {
                    throw ODataErrors.notSupported("The aggregation method '" + method + "'");
                }
            }
            keyword("as");
            out.add(new Aggregate(path, method, identifier()));
        } while (accept(','));
        expect(')');
    }

    /** The text up to the parenthesis closing the one just read, skipping quoted literals. */
    private String balanced() {
        int depth = 1;
        int start = pos;
        boolean quoted = false;
        for (; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '\'') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')' && --depth == 0) {
                String inner = text.substring(start, pos);
                pos++;
                return inner;
            }
        }
        throw ODataErrors.syntax("Unbalanced parentheses in $apply: " + text);
    }

    private List<String> path() {
        skipSpaces();
        List<String> segs = new ArrayList<>();
        segs.add(identifier());
        while (pos < text.length() && text.charAt(pos) == '/') {
            pos++;
            segs.add(identifier());
        }
        skipSpaces();
        return segs;
    }

    private String identifier() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        if (start == pos) throw ODataErrors.syntax("Expected a name at position " + pos + " of $apply: " + text);
        return text.substring(start, pos);
    }

    private void keyword(String word) {
        skipSpaces();
        if (!text.startsWith(word, pos)) throw ODataErrors.syntax("Expected '" + word + "' at position " + pos + " of $apply: " + text);
        pos += word.length();
    }

    private boolean accept(char c) {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) throw ODataErrors.syntax("Expected '" + c + "' at position " + pos + " of $apply: " + text);
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }
}
