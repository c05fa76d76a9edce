package io.ppmlab.emulator.query.filter;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SQL {@code LIKE}, case-insensitive, with Dataverse's wildcards {@code % _ [..] [^..]}: what {@code contains},
 * {@code startswith}, {@code endswith} and FetchXML's {@code like} become. Plain patterns (no wildcard inside)
 * use indexOf on lower-cased text instead of a regular expression.
 */
record Like(Operand operand, String pattern, boolean negate) implements Cond {

    @Override
    public Pred bind(EvalContext ctx) {
        Matcher m = matcher(pattern);
        Operand.Getter g = operand.bind(ctx);
        return frame -> {
            Object v = g.get(frame);
            if (v == null || v == Values.UNREADABLE) return Pred.UNKNOWN;
            return Pred.of(m.matches(v.toString()) != negate);
        };
    }

    interface Matcher {
        boolean matches(String s);
    }

    static Matcher matcher(String pattern) {
        String lower = pattern.toLowerCase(Locale.ROOT);
        String inner = lower;
        boolean lead = inner.startsWith("%");
        if (lead) inner = inner.substring(1);
        boolean trail = inner.endsWith("%") && !inner.isEmpty();
        if (trail) inner = inner.substring(0, inner.length() - 1);
        if (!hasWildcard(inner)) {
            String needle = inner;
            if (lead && trail) return s -> s.toLowerCase(Locale.ROOT).contains(needle);
            if (lead) return s -> s.toLowerCase(Locale.ROOT).endsWith(needle);
            if (trail) return s -> s.toLowerCase(Locale.ROOT).startsWith(needle);
            return s -> s.equalsIgnoreCase(needle);
        }
        Pattern regex = Pattern.compile(regex(pattern), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
        return s -> regex.matcher(s).matches();
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('%') >= 0 || s.indexOf('_') >= 0 || s.indexOf('[') >= 0;
    }

    static String regex(String like) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '%') sb.append(".*");
            else if (c == '_') sb.append('.');
            else if (c == '[') {
                int end = like.indexOf(']', i + 1);
                if (end < 0) { sb.append("\\["); continue; }
                sb.append(charClass(like.substring(i + 1, end)));
                i = end;
            } else sb.append(Pattern.quote(String.valueOf(c)));
        }
        return sb.toString();
    }

    /**
     * A {@code [..]} or {@code [^..]} set as a regex class. Every character is written as a code-point escape, so no
     * input can make the pattern invalid; {@code a-f} is a range, a reversed range ({@code f-a}) matches nothing, as
     * in SQL Server, and an empty set matches nothing ({@code [^]} any one character).
     */
    private static String charClass(String set) {
        boolean negated = set.startsWith("^");
        if (negated) set = set.substring(1);
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < set.length(); ) {
            char from = set.charAt(i);
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                char to = set.charAt(i + 2);
                if (from <= to) items.append(escaped(from)).append('-').append(escaped(to));
                i += 3;
            } else {
                items.append(escaped(from));
                i++;
            }
        }
        if (items.isEmpty()) return negated ? "." : "(?!)";
        return "[" + (negated ? "^" : "") + items + "]";
    }

    private static String escaped(char c) {
        return "\\x{" + Integer.toHexString(c) + "}";
    }
}
