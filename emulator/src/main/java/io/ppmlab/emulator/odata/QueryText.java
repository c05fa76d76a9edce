package io.ppmlab.emulator.odata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text-level handling of the query string before Olingo sees it: splitting and decoding, and the rewrites that
 * bridge Dataverse's dialect to plain OData 4.0. Every rewrite skips string literals ({@code 'O''Bryan'}).
 */
final class QueryText {
    /** One decoded {@code name=value} pair, in URL order. */
    record Option(String name, String value) {}

    private static final Pattern GUID = Pattern.compile(
            "\\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})}?");
    private static final String PATH = "([A-Za-z_][A-Za-z0-9_]*(?:/[A-Za-z_][A-Za-z0-9_]*)*)";
    private static final Pattern MEMBER_BEFORE = Pattern.compile(PATH + "\\s+(?:eq|ne|gt|ge|lt|le)\\s+$");
    private static final Pattern MEMBER_AFTER = Pattern.compile("^\\s+(?:eq|ne|gt|ge|lt|le)\\s+" + PATH);

    private QueryText() {}

    /**
     * Splits a raw query string and decodes each part. '+' counts as a space, as ASP.NET (and so Dataverse)
     * reads query strings; clients such as Python's requests encode spaces that way.
     */
    static List<Option> split(String rawQuery) {
        List<Option> options = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) return options;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            options.add(new Option(name, eq < 0 ? "" : decode(pair.substring(eq + 1))));
        }
        return options;
    }

    /** Re-encodes decoded options for Olingo, which splits on '&' and percent-decodes once. */
    static String join(List<Option> options) {
        StringBuilder sb = new StringBuilder();
        for (Option o : options) {
            if (sb.length() > 0) sb.append('&');
            sb.append(encode(o.name())).append('=').append(encode(o.value()));
        }
        return sb.toString();
    }

    static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) throw ODataErrors.syntax("Malformed percent-encoding in '" + s + "'.");
                bytes.write(hi * 16 + lo);
                i += 2;
                continue;
            }
            // Percent-escaped bytes form UTF-8 sequences only together, so decode each run at once.
            if (bytes.size() > 0) { sb.append(bytes.toString(StandardCharsets.UTF_8)); bytes.reset(); }
            sb.append(c == '+' ? ' ' : c);
        }
        if (bytes.size() > 0) sb.append(bytes.toString(StandardCharsets.UTF_8));
        return sb.toString();
    }

    private static String encode(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~'()*,:@/$!;".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    /** Replaces {@code @p1} outside literals by its value; an alias without a value counts as null. */
    static String substituteAliases(String expr, Map<String, String> aliases) {
        StringBuilder sb = new StringBuilder(expr.length());
        for (int i = 0; i < expr.length(); ) {
            char c = expr.charAt(i);
            if (c == '\'') {
                int end = literalEnd(expr, i);
                sb.append(expr, i, end);
                i = end;
            } else if (c == '@') {
                int end = i + 1;
                while (end < expr.length() && (Character.isLetterOrDigit(expr.charAt(end)) || expr.charAt(end) == '_')) end++;
                String value = aliases.get(expr.substring(i, end));
                sb.append(value == null || value.isEmpty() ? "null" : value);
                i = end;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /**
     * Turns {@code ['a','b']} into the JSON array {@code ["a","b"]}: Dataverse takes OData string literals in
     * PropertyValues, Olingo only JSON. Arrays it cannot read are left alone for Olingo to reject.
     */
    static String jsonArrays(String expr) {
        StringBuilder sb = new StringBuilder(expr.length());
        for (int i = 0; i < expr.length(); ) {
            char c = expr.charAt(i);
            if (c == '\'') {
                int end = literalEnd(expr, i);
                sb.append(expr, i, end);
                i = end;
            } else if (c == '[') {
                int close = expr.indexOf(']', i);
                String json = close < 0 ? null : jsonArray(expr.substring(i + 1, close));
                if (json == null) { sb.append(c); i++; } else { sb.append(json); i = close + 1; }
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private static String jsonArray(String items) {
        if (items.indexOf('\'') < 0) return null;
        StringBuilder sb = new StringBuilder("[");
        int i = 0;
        while (i < items.length()) {
            while (i < items.length() && items.charAt(i) == ' ') i++;
            if (i >= items.length() || items.charAt(i) != '\'') return null;
            int end = literalEnd(items, i);
            if (end < i + 2 || end > items.length() || items.charAt(end - 1) != '\'') return null; // unterminated
            String value = items.substring(i + 1, end - 1).replace("''", "'");
            sb.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            i = end;
            while (i < items.length() && items.charAt(i) == ' ') i++;
            if (i < items.length()) {
                if (items.charAt(i) != ',') return null;
                sb.append(',');
                i++;
            }
        }
        return sb.append(']').toString();
    }

    /**
     * Unquotes {@code '<guid>'} where it is compared with a GUID-typed member ({@code _x_value eq '<guid>'}):
     * Dataverse accepts it, Olingo refuses to compare Edm.Guid with Edm.String.
     */
    static String unquoteGuids(String expr, Set<String> guidProperties) {
        StringBuilder sb = new StringBuilder(expr.length());
        for (int i = 0; i < expr.length(); ) {
            if (expr.charAt(i) != '\'') {
                sb.append(expr.charAt(i++));
                continue;
            }
            int end = literalEnd(expr, i);
            String content = expr.substring(i + 1, Math.max(i + 1, end - 1));
            Matcher guid = GUID.matcher(content);
            if (guid.matches() && (comparedWithGuid(MEMBER_BEFORE.matcher(expr.substring(0, i)), guidProperties)
                    || comparedWithGuid(MEMBER_AFTER.matcher(expr.substring(end)), guidProperties))) {
                sb.append(guid.group(1).toLowerCase());
            } else {
                sb.append(expr, i, end);
            }
            i = end;
        }
        return sb.toString();
    }

    private static boolean comparedWithGuid(Matcher m, Set<String> guidProperties) {
        if (!m.find()) return false;
        String path = m.group(1);
        return guidProperties.contains(path.substring(path.lastIndexOf('/') + 1));
    }

    private static final Pattern LAMBDA_HEAD = Pattern.compile("\\b(any|all)\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*:\\s*");

    /**
     * Removes the optional whitespace OData's grammar allows around a lambda's colon ({@code any(p: p/x eq 1)}),
     * which Olingo's tokenizer refuses; literals are left untouched.
     */
    static String lambdaSpacing(String expr) {
        if (expr.indexOf(':') < 0) return expr;
        StringBuilder sb = new StringBuilder(expr.length());
        int from = 0;
        for (int i = 0; i <= expr.length(); ) {
            if (i == expr.length() || expr.charAt(i) == '\'') {
                sb.append(LAMBDA_HEAD.matcher(expr.substring(from, i)).replaceAll("$1($2:"));
                if (i == expr.length()) break;
                int end = literalEnd(expr, i);
                sb.append(expr, i, end);
                i = end;
                from = end;
            } else {
                i++;
            }
        }
        return sb.toString();
    }

    /** Index just past the string literal opening at {@code start}; doubled quotes are part of it. */
    private static int literalEnd(String s, int start) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == '\'') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\'') { i += 2; continue; }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }
}
