package io.ppmlab.emulator.query.list;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Raw query-string edits for next links: the client's own query, with the old token swapped for the new. */
final class QueryStrings {
    private QueryStrings() {}

    static String withToken(String rawQuery, String token) {
        List<String> kept = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                if (decode(name).equals("$skiptoken")) continue;
                kept.add(pair);
            }
        }
        kept.add("$skiptoken=" + SkipTokens.urlEncode(token));
        return String.join("&", kept);
    }

    /** Percent-encodes option text for a URL we write ourselves (keeps the characters OData text needs readable). */
    static String encodeOptions(List<String[]> pairs) {
        StringBuilder sb = new StringBuilder();
        for (String[] pair : pairs) {
            if (sb.length() > 0) sb.append('&');
            sb.append(pair[0]).append('=').append(SkipTokens.urlEncode(pair[1])
                    .replace("%2C", ",").replace("%28", "(").replace("%29", ")").replace("%2F", "/")
                    .replace("%3B", ";").replace("%24", "$").replace("%3D", "="));
        }
        return sb.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
