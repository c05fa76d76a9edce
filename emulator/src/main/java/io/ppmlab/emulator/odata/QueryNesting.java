package io.ppmlab.emulator.odata;

/**
 * The nesting limit of query expressions. Olingo's parser and the query engine walk expressions recursively, so
 * a few hundred parentheses (or nested {@code $expand}s) would exhaust a thread's stack; the depth is measured
 * on the text first and refused with a 400 above {@link #MAX_DEPTH}. Dataverse documents no figure: 64 levels
 * is far beyond any query a client writes (nested {@code $expand} stops at a few levels in Dataverse itself).
 */
public final class QueryNesting {
    public static final int MAX_DEPTH = 64;
    /** Prefix operators also recurse ("not not not ..."; "- - - 1"), so each counts as a level. */
    private static final int NOT_LENGTH = 3;

    private QueryNesting() {}

    /** Refuses {@code value} of option {@code name} when its parentheses or prefix operators nest deeper than the limit. */
    public static void check(String name, String value) {
        int depth = depth(value);
        if (depth > MAX_DEPTH) throw ODataErrors.nestedTooDeeply(name, MAX_DEPTH);
    }

    /** The deepest nesting of parentheses, brackets and prefix operators in {@code text}, outside quoted strings. */
    static int depth(String text) {
        int depth = 0;
        int max = 0;
        int prefixes = 0; // prefix operators in a row, not yet followed by their operand
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted; // '' inside a string toggles twice: still quoted
                prefixes = 0;
                continue;
            }
            if (quoted) continue;
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == '-' && !operandEndsAt(prevNonSpace(text, i))) {
                prefixes++;
            } else if (startsWord(text, i, "not")) {
                prefixes++;
                i += NOT_LENGTH - 1;
            } else if (Character.isLetterOrDigit(c)) {
                prefixes = 0;
            }
            max = Math.max(max, depth + prefixes);
        }
        return max;
    }

    private static boolean operandEndsAt(char c) {
        return Character.isLetterOrDigit(c) || c == ')' || c == '_' || c == '\'' || c == '.';
    }

    private static char prevNonSpace(String text, int i) {
        for (int j = i - 1; j >= 0; j--) if (!Character.isWhitespace(text.charAt(j))) return text.charAt(j);
        return ' ';
    }

    private static boolean startsWord(String text, int i, String word) {
        if (!text.regionMatches(true, i, word, 0, word.length())) return false;
        boolean before = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '_';
        int end = i + word.length();
        boolean after = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_';
        return before && after;
    }
}
