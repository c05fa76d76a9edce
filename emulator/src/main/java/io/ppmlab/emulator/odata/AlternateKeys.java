package io.ppmlab.emulator.odata;

import io.ppmlab.emulator.odata.model.Key;
import io.ppmlab.schema.AlternateKey;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key forms Olingo does not take. Alternate keys on the first path segment ({@code systemusers(domainname='x@y')}):
 * Olingo only knows the declared key, so the segment is handed to it with a placeholder id and the real key values
 * are put back into our model afterwards. And GUID keys in braces ({@code sensei_programs({guid})}).
 */
final class AlternateKeys {
    /** The path as Olingo should see it, and the alternate key that replaces the placeholder id. */
    record Rewritten(String path, Optional<Key.AlternateKeyValues> key) {}

    static final String PLACEHOLDER = "00000000-0000-0000-0000-000000000000";
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\((.*)\\)");
    private static final String GUID_TEXT = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern GUID = Pattern.compile(GUID_TEXT);
    private static final Pattern BRACED_KEY = Pattern.compile("\\((?:\\{|%7[bB])(" + GUID_TEXT + ")(?:}|%7[dD])\\)");

    private AlternateKeys() {}

    static Rewritten rewrite(String rawPath, Schema schema) {
        // Lenient on purpose: clients paste ids in registry format, {guid}; Olingo wants the bare form.
        String path = BRACED_KEY.matcher(rawPath).replaceAll("($1)");
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        String rest = slash < 0 ? "" : path.substring(slash);
        Matcher m = SEGMENT.matcher(QueryText.decode(first.replace("+", "%2B")));
        if (!m.matches()) return new Rewritten(path, Optional.empty());
        Optional<Table> table = schema.tableBySet(m.group(1));
        List<String[]> pairs = pairs(m.group(2));
        if (table.isEmpty() || pairs.isEmpty()) return new Rewritten(path, Optional.empty());
        if (pairs.size() == 1 && isPrimaryKey(table.get(), pairs.get(0)[0])) return new Rewritten(path, Optional.empty());

        Map<String, Object> values = new LinkedHashMap<>();
        for (String[] p : pairs) {
            String column = lookupColumn(p[0]);
            if (table.get().column(column).isEmpty() || values.put(column, literal(p[1], first)) != null) {
                throw ODataErrors.alternateKeyNotDefined(table.get().logicalName(), names(pairs));
            }
        }
        boolean defined = table.get().alternateKeys().stream().map(AlternateKey::columns)
                .anyMatch(cols -> new HashSet<>(cols).equals(values.keySet()));
        if (!defined) throw ODataErrors.alternateKeyNotDefined(table.get().logicalName(), names(pairs));
        return new Rewritten(m.group(1) + "(" + PLACEHOLDER + ")" + rest,
                Optional.of(new Key.AlternateKeyValues(values)));
    }

    private static boolean isPrimaryKey(Table t, String name) {
        return name.equals(t.primaryIdColumn()) || name.equals("ownerid");
    }

    /** {@code _x_value} names the lookup column {@code x}, as in Dataverse alternate keys on lookups. */
    private static String lookupColumn(String name) {
        return name.startsWith("_") && name.endsWith("_value") && name.length() > 7
                ? name.substring(1, name.length() - 6) : name;
    }

    private static List<String> names(List<String[]> pairs) {
        return pairs.stream().map(p -> p[0]).toList();
    }

    /** {@code a='x',b=5} into name/value pairs; empty when the predicate is not of the named form. */
    private static List<String[]> pairs(String predicate) {
        List<String[]> pairs = new ArrayList<>();
        int i = 0;
        while (i < predicate.length()) {
            int eq = predicate.indexOf('=', i);
            if (eq < 0) return List.of();
            String name = predicate.substring(i, eq).trim();
            int end = eq + 1;
            if (end < predicate.length() && predicate.charAt(end) == '\'') {
                end++;
                while (end < predicate.length()) {
                    if (predicate.charAt(end) == '\'') {
                        if (end + 1 < predicate.length() && predicate.charAt(end + 1) == '\'') { end += 2; continue; }
                        break;
                    }
                    end++;
                }
                end++;
            } else {
                while (end < predicate.length() && predicate.charAt(end) != ',') end++;
            }
            pairs.add(new String[] {name, predicate.substring(eq + 1, Math.min(end, predicate.length())).trim()});
            i = end;
            if (i < predicate.length() && predicate.charAt(i) == ',') i++;
        }
        return pairs;
    }

    private static Object literal(String text, String segment) {
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        if (GUID.matcher(text).matches()) return UUID.fromString(text);
        if (text.equals("true") || text.equals("false")) return Boolean.valueOf(text);
        try {
            return text.contains(".") ? new BigDecimal(text) : (Object) Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw ODataErrors.badKey(segment);
        }
    }
}
