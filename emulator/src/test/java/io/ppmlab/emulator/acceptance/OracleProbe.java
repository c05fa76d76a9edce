package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One query of the leak oracle with what the reference says must come back, as a set of facts ("id:…",
 * "child:parent/child", "count:n", "sum:x", "status:403"). The answer is read into facts the same way, so a leak is
 * a fact that came back unexpected and a miss one that was expected and did not.
 */
sealed interface OracleProbe {
    /** The read path it exercises (list, filter, count, apply, expand, navigation, lambda, fetchxml, paging, batch). */
    String path();

    /** The request(s), for a failure message that can be replayed. */
    String query();

    Set<String> expected();

    /** One GET, answerable on its own or as a part of a {@code $batch}. */
    record Single(String path, String url, List<String> headers, int status, Set<String> expected,
                  Function<JsonNode, Set<String>> reader, boolean plainText) implements OracleProbe {
        @Override public String query() { return "GET " + url + (headers.isEmpty() ? "" : " " + headers); }

        /** The facts an answer holds: its status when it is not the expected one, else what {@code reader} finds in it. */
        Set<String> read(int gotStatus, String body) {
            if (gotStatus != status) return Set.of("status:" + gotStatus + " " + abbreviate(body));
            if (status != 200) return Set.of("status:" + status);
            if (plainText) return Set.of("count:" + body.replace("\uFEFF", "").trim());
            try {
                return reader.apply(LabHttp.JSON.readTree(body));
            } catch (IOException e) {
                return Set.of("unreadable:" + abbreviate(body));
            }
        }
    }

    /**
     * A query read page by page: an OData list with {@code odata.maxpagesize} following {@code @odata.nextLink}, or
     * FetchXML with {@code count}/{@code page} (and, when {@code fetchPage} uses it, the paging cookie of the previous
     * page) until {@code morerecords} is gone. A row seen twice is a fact of its
     * own ("dup:…"), so it counts as a leak.
     */
    record Paged(String path, String url, List<String> headers, Set<String> expected, Function<JsonNode, Set<String>> reader,
                 java.util.function.BiFunction<Integer, String, String> fetchPage) implements OracleProbe {
        @Override public String query() { return "GET " + url + " " + headers + " (every page)"; }
    }

    /** Several single GETs sent as one {@code $batch}; each part's facts are prefixed with its position. */
    record Batch(List<Single> parts) implements OracleProbe {
        @Override public String path() { return "batch"; }

        @Override public String query() {
            StringBuilder sb = new StringBuilder("$batch [");
            for (int i = 0; i < parts.size(); i++) sb.append(i == 0 ? "" : " | ").append(i).append(": ").append(parts.get(i).query());
            return sb.append(']').toString();
        }

        @Override public Set<String> expected() {
            Set<String> out = new LinkedHashSet<>();
            for (int i = 0; i < parts.size(); i++) {
                for (String f : parts.get(i).expected()) out.add("part" + i + ":" + f);
            }
            return out;
        }
    }

    private static String abbreviate(String body) {
        String b = body == null ? "" : body.replace('\n', ' ');
        return b.length() > 300 ? b.substring(0, 300) + "…" : b;
    }
}
