package io.ppmlab.harness.fuzz;

import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded requests: first a plausible request built from the schema and the organisation's real keys (query options,
 * FetchXML, JSON bodies, {@code $batch} bodies, headers), then zero or more mutations of its method, target, body and
 * headers (byte flips, splices of hostile fragments, truncations, repetitions, huge values). The same seed gives
 * the same requests for the same organisation.
 */
final class RequestGenerator {
    private static final String ROOT = "/api/data/v9.2/";
    private static final String[] METHODS = {"GET", "GET", "GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS", "TRACE", "QUERY", "FOO", "get"};
    private static final String[] FRAGMENTS = {"%", "%zz", "%2", "%00", "%C0%AF", "%FF", "'", "''", "(", ")", "((((", "))", "/", "//", "?", "&", "=",
            "$", "@", "@p1", ",", ";", " ", "%20", "+", "\\", "\"", "{", "}", "[", "]", "\u00e9", "\uD83D\uDE00", "\u0000", "..", "/$count", "/$ref",
            " eq ", " and ", " or ", "not ", "null", "-", "1e999", "-1e400", "9223372036854775808", "2147483648", "NaN", "INF", "0x1F",
            "00000000-0000-0000-0000-000000000000", "T", "Z", "9999-12-31", "1752-12-31", "$filter=", "$top=-1", "$skip=1", "$skiptoken=",
            "any(", "all(", "r:", "Microsoft.Dynamics.CRM.", "<", ">", "<![CDATA[", "&amp;", "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"};
    private static final String[] FILTER_FUNCTIONS = {"contains", "startswith", "endswith"};
    private static final String[] OPERATORS = {"eq", "ne", "gt", "ge", "lt", "le"};
    private static final String[] FETCH_OPERATORS = {"eq", "ne", "gt", "lt", "like", "not-like", "in", "null", "not-null", "between",
            "eq-userid", "eq-businessid", "under", "last-x-days", "on-or-after", "begins-with", "olderthan-x-months", "bogus"};
    private static final String[] AGGREGATES = {"sum", "average", "min", "max", "countdistinct"};

    private final Random random;
    private final Schema schema;
    private final List<Table> tables;
    private final Map<String, List<UUID>> ids;
    private final List<String> tokens;
    private final List<UUID> users;

    /**
     * @param ids    the row ids of each table (logical name) as the organisation has them, for real keys
     * @param tokens bearer tokens of a few users of different reach
     * @param users  user ids for impersonation headers
     */
    RequestGenerator(long seed, Schema schema, Map<String, List<UUID>> ids, List<String> tokens, List<UUID> users) {
        this.random = new Random(seed);
        this.schema = schema;
        this.tables = schema.tables();
        this.ids = ids;
        this.tokens = tokens;
        this.users = users;
    }

    FuzzRequest next() {
        FuzzRequest base = switch (random.nextInt(12)) {
            case 0, 1, 2 -> query();
            case 3 -> fetchXml();
            case 4 -> byKey("GET", null);
            case 5, 6 -> create();
            case 7 -> byKey("PATCH", body(table()));
            case 8 -> byKey("DELETE", null);
            case 9 -> batch();
            case 10 -> columnWrite();
            default -> other();
        };
        int mutations = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) base = mutate(base);
        return base;
    }

    // --- plausible requests ---

    private FuzzRequest query() {
        Table t = table();
        StringBuilder q = new StringBuilder();
        if (random.nextBoolean()) q.append("&$select=").append(columnList(t));
        if (random.nextInt(3) > 0) q.append("&$filter=").append(enc(filter(t, 0)));
        if (random.nextBoolean()) q.append("&$orderby=").append(enc(column(t).name() + (random.nextBoolean() ? " desc" : " asc")));
        if (random.nextInt(3) == 0) q.append("&$expand=").append(enc(expand(t)));
        if (random.nextInt(4) == 0) q.append("&$apply=").append(enc(apply(t)));
        if (random.nextInt(3) == 0) q.append("&$top=").append(number());
        if (random.nextInt(4) == 0) q.append("&$count=true");
        if (random.nextInt(8) == 0) q.append("&$skiptoken=").append(enc(text()));
        if (random.nextInt(8) == 0) q.append("&$skip=").append(number());
        String path = t.entitySetName() + (random.nextInt(10) == 0 ? "/$count" : "");
        return request("query", "GET", ROOT + path + (q.isEmpty() ? "" : "?" + q.substring(1)), new byte[0]);
    }

    private String filter(Table t, int depth) {
        int pick = depth > 3 ? random.nextInt(3) : random.nextInt(7);
        Column c = column(t);
        return switch (pick) {
            case 0 -> c.name() + " " + pick(OPERATORS) + " " + literal(c);
            case 1 -> pick(FILTER_FUNCTIONS) + "(" + c.name() + "," + quoted(text()) + ")";
            case 2 -> "Microsoft.Dynamics.CRM." + pick(new String[]{"In", "LastXDays", "EqualUserId", "Under", "Between", "OnOrAfter"})
                    + "(PropertyName='" + c.name() + "',PropertyValue" + (random.nextBoolean() ? "s=[" + literal(c) + "," + literal(c) + "]" : "=" + literal(c)) + ")";
            case 3 -> "(" + filter(t, depth + 1) + " " + (random.nextBoolean() ? "and" : "or") + " " + filter(t, depth + 1) + ")";
            case 4 -> "not " + filter(t, depth + 1);
            case 5 -> children(t).map(nav -> nav + "/" + (random.nextBoolean() ? "any" : "all") + "(x:x/statecode eq 0)").orElse(c.name() + " eq null");
            default -> lookup(t).map(l -> l.name() + "/" + "statecode eq " + number()).orElse(c.name() + " ne null");
        };
    }

    private String expand(Table t) {
        return lookup(t).map(l -> l.name() + (random.nextBoolean() ? "($select=" + "statecode" + ")" : random.nextBoolean() ? "/$ref" : ""))
                .orElseGet(() -> children(t).orElse("nothere") + "($top=" + number() + ";$filter=statecode eq 0)");
    }

    private String apply(Table t) {
        Column c = column(t);
        return switch (random.nextInt(4)) {
            case 0 -> "groupby((" + c.name() + "),aggregate($count as n))";
            case 1 -> "aggregate(" + c.name() + " with " + pick(AGGREGATES) + " as a)";
            case 2 -> "filter(" + filter(t, 2) + ")/aggregate($count as n)";
            default -> "groupby((" + lookup(t).map(l -> l.name() + "/" + "statecode").orElse(c.name()) + "))";
        };
    }

    private FuzzRequest fetchXml() {
        Table t = table();
        StringBuilder x = new StringBuilder("<fetch");
        if (random.nextBoolean()) x.append(" top='").append(number()).append("'");
        if (random.nextInt(3) == 0) x.append(" count='").append(number()).append("' page='").append(number()).append("'");
        boolean aggregate = random.nextInt(4) == 0;
        if (aggregate) x.append(" aggregate='true'");
        x.append("><entity name='").append(t.logicalName()).append("'>");
        Column c = column(t);
        x.append(aggregate ? "<attribute name='" + c.name() + "' aggregate='" + pick(new String[]{"sum", "avg", "count", "countcolumn", "max"}) + "' alias='a'/>"
                : random.nextBoolean() ? "<all-attributes/>" : "<attribute name='" + c.name() + "'/>");
        x.append("<filter type='").append(random.nextBoolean() ? "and" : "or").append("'>");
        for (int i = random.nextInt(4); i >= 0; i--) {
            Column f = column(t);
            x.append("<condition attribute='").append(f.name()).append("' operator='").append(pick(FETCH_OPERATORS)).append("' value='")
                    .append(literal(f).replace("'", "")).append("'/>");
        }
        x.append("</filter>");
        lookup(t).ifPresent(l -> {
            if (random.nextBoolean() && !l.targets().isEmpty()) {
                String target = l.targets().get(0);
                x.append("<link-entity name='").append(target).append("' from='").append(target).append("id' to='").append(l.name())
                        .append("' alias='l' link-type='").append(random.nextBoolean() ? "inner" : "outer").append("'><attribute name='statecode'/></link-entity>");
            }
        });
        x.append("<order attribute='").append(column(t).name()).append("'/></entity></fetch>");
        return request("fetchxml", "GET", ROOT + t.entitySetName() + "?fetchXml=" + enc(x.toString()), new byte[0]);
    }

    private FuzzRequest byKey(String method, byte[] body) {
        Table t = table();
        return request("key", method, ROOT + t.entitySetName() + "(" + key(t) + ")" + (random.nextInt(3) == 0 ? "?$select=" + columnList(t) : ""),
                body == null ? new byte[0] : body);
    }

    private FuzzRequest create() {
        Table t = table();
        return request("create", "POST", ROOT + t.entitySetName(), body(t));
    }

    private FuzzRequest columnWrite() {
        Table t = table();
        Column c = column(t);
        boolean delete = random.nextInt(3) == 0;
        return request("column", delete ? "DELETE" : "PUT", ROOT + t.entitySetName() + "(" + key(t) + ")/" + c.name(),
                delete ? new byte[0] : ("{\"value\":" + json(c) + "}").getBytes(StandardCharsets.UTF_8));
    }

    private FuzzRequest batch() {
        String boundary = "batch_" + random.nextInt(1000);
        String changeSet = "changeset_" + random.nextInt(1000);
        StringBuilder b = new StringBuilder();
        String nl = random.nextInt(4) == 0 ? "\n" : "\r\n";
        for (int i = random.nextInt(4); i >= 0; i--) {
            boolean set = random.nextInt(3) == 0;
            b.append("--").append(boundary).append(nl);
            if (set) b.append("Content-Type: multipart/mixed; boundary=").append(changeSet).append(nl).append(nl).append("--").append(changeSet).append(nl);
            FuzzRequest inner = random.nextBoolean() ? create() : random.nextBoolean() ? query() : byKey("PATCH", body(table()));
            b.append("Content-Type: application/http").append(nl).append("Content-Transfer-Encoding: binary").append(nl);
            if (set) b.append("Content-ID: ").append(i + 1).append(nl);
            b.append(nl).append(set && inner.method().equals("GET") ? "POST" : inner.method()).append(' ').append(inner.target()).append(" HTTP/1.1").append(nl);
            if (inner.body().length > 0) b.append("Content-Type: application/json").append(nl);
            b.append(nl);
            if (inner.body().length > 0) b.append(new String(inner.body(), StandardCharsets.UTF_8)).append(nl);
            if (set) b.append("--").append(changeSet).append("--").append(nl);
        }
        b.append("--").append(boundary).append("--").append(nl);
        FuzzRequest r = request("batch", "POST", ROOT + "$batch", b.toString().getBytes(StandardCharsets.UTF_8));
        return withHeader(withHeader(r, "Content-Type", "multipart/mixed; boundary=" + boundary),
                "Prefer", random.nextBoolean() ? "odata.continue-on-error" : "return=representation");
    }

    private FuzzRequest other() {
        String[] targets = {ROOT + "WhoAmI()", ROOT + "$metadata", ROOT, "/api/data/v9.3/" + table().entitySetName(), "/api/data/V9.2/WhoAmI()",
                ROOT + table().entitySetName() + "/$count/$count", ROOT + "nothere", "/api/data", ROOT + table().entitySetName() + "(" + key(table()) + ")/"
                + lookup(table()).map(Column::name).orElse("x"), ROOT + "systemusers(domainname='" + text() + "')"};
        return request("other", pick(METHODS), pick(targets), new byte[0]);
    }

    private byte[] body(Table t) {
        StringBuilder b = new StringBuilder("{");
        for (int i = random.nextInt(4); i >= 0; i--) {
            Column c = column(t);
            if (b.length() > 1) b.append(',');
            if (c.type() == ColumnType.LOOKUP && !c.targets().isEmpty()) {
                String target = c.targets().get(0);
                String set = schema.table(target).map(Table::entitySetName).orElse(target + "s");
                b.append('"').append(c.name()).append("@odata.bind\":\"/").append(set).append('(').append(key(schema.table(target).orElse(t))).append(")\"");
            } else {
                b.append('"').append(c.name()).append("\":").append(json(c));
            }
        }
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    // --- mutations ---

    private FuzzRequest mutate(FuzzRequest r) {
        return switch (random.nextInt(10)) {
            case 0 -> new FuzzRequest(r.kind(), pick(METHODS), r.target(), r.headers(), r.body());
            case 1, 2 -> new FuzzRequest(r.kind(), r.method(), onTheLine(splice(r.target())), r.headers(), r.body());
            case 3 -> new FuzzRequest(r.kind(), r.method(), r.target(), r.headers(), splice(new String(r.body(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            case 4 -> new FuzzRequest(r.kind(), r.method(), r.target(), r.headers(), flipBytes(r.body()));
            case 5 -> withHeader(r, "Prefer", prefer());
            case 6 -> withHeader(r, "If-Match", pick(new String[]{"*", "W/\"" + number() + "\"", "\"x\"", "", text()}));
            case 7 -> withHeader(r, pick(new String[]{"MSCRMCallerID", "CallerObjectId"}), random.nextBoolean() ? pick(users).toString() : text());
            case 8 -> withHeader(r, pick(new String[]{"Content-Type", "Accept", "OData-Version", "If-None-Match", "X-HTTP-Method-Override"}),
                    pick(new String[]{"application/json", "text/plain", "multipart/mixed", "multipart/mixed; boundary=", "application/json; charset=latin1",
                            "DELETE", "4.01", "*/*", text()}));
            default -> withHeader(r, "Authorization", random.nextInt(4) == 0 ? "Bearer " + text() : "Bearer " + pick(tokens));
        };
    }

    private String prefer() {
        return switch (random.nextInt(6)) {
            case 0 -> "odata.maxpagesize=" + number();
            case 1 -> "odata.include-annotations=\"" + "*".repeat(1 + random.nextInt(3)) + "\"";
            case 2 -> "odata.include-annotations=\"" + "Microsoft.Dynamics.CRM.".repeat(1 + random.nextInt(random.nextBoolean() ? 5 : 2000)) + "\"";
            case 3 -> "return=representation";
            case 4 -> "odata.continue-on-error,odata.maxpagesize=" + number();
            default -> text();
        };
    }

    private String splice(String s) {
        int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
        return switch (random.nextInt(5)) {
            case 0 -> s.substring(0, at) + pick(FRAGMENTS) + s.substring(at);
            case 1 -> s.substring(0, at);
            case 2 -> s.substring(0, at) + pick(FRAGMENTS).repeat(1 + random.nextInt(random.nextInt(10) == 0 ? 5000 : 8)) + s.substring(at);
            case 3 -> at < s.length() ? s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(10))) : s + pick(FRAGMENTS);
            default -> s.substring(0, at) + (char) random.nextInt(0x80) + s.substring(at);
        };
    }

    /**
     * A target as one token of the request line: whitespace percent-encoded, never empty. A space would make a
     * different request line (Jetty then reads the rest as an HTTP version and answers 505), which is the request
     * line's syntax, tested on its own in the emulator's HostileInputAcceptanceTest, not a hostile target.
     */
    private static String onTheLine(String target) {
        String t = target.replace(" ", "%20").replace("\t", "%09").replace("\r", "%0D").replace("\n", "%0A");
        return t.isEmpty() ? "/" : t;
    }

    private byte[] flipBytes(byte[] body) {
        if (body.length == 0) return new byte[]{(byte) random.nextInt(256)};
        byte[] copy = body.clone();
        for (int i = 1 + random.nextInt(3); i > 0; i--) copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        return copy;
    }

    private FuzzRequest withHeader(FuzzRequest r, String name, String value) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(r.headers());
        headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
        // no CR or LF: a header split in two is a different request, not a hostile value
        headers.add(Map.entry(name, value.replace('\r', ' ').replace('\n', ' ')));
        return new FuzzRequest(r.kind(), r.method(), r.target(), headers, r.body());
    }

    private FuzzRequest request(String kind, String method, String target, byte[] body) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Authorization", "Bearer " + pick(tokens)));
        headers.add(Map.entry("Accept", "application/json"));
        if (body.length > 0) headers.add(Map.entry("Content-Type", "application/json"));
        return new FuzzRequest(kind, method, target, headers, body);
    }

    // --- values ---

    private Table table() { return tables.get(random.nextInt(tables.size())); }

    private Column column(Table t) { return t.columns().get(random.nextInt(t.columns().size())); }

    private String columnList(Table t) {
        StringBuilder b = new StringBuilder(column(t).name());
        for (int i = random.nextInt(3); i > 0; i--) b.append(',').append(column(t).name());
        return b.toString();
    }

    private java.util.Optional<Column> lookup(Table t) {
        List<Column> lookups = t.columns().stream().filter(c -> c.type() == ColumnType.LOOKUP).toList();
        return lookups.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(lookups.get(random.nextInt(lookups.size())));
    }

    /** A collection-valued navigation property into {@code t}, named as the schema's relationships are: {@code <child>_<lookup>}. */
    private java.util.Optional<String> children(Table t) {
        List<String> navs = new ArrayList<>();
        for (Table child : tables) {
            for (Column c : child.columns()) {
                if (c.type() == ColumnType.LOOKUP && c.targets().contains(t.logicalName()) && !c.system()) navs.add(child.logicalName() + "_" + c.name());
            }
        }
        return navs.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(navs.get(random.nextInt(navs.size())));
    }

    private String key(Table t) {
        List<UUID> known = ids.getOrDefault(t.logicalName(), List.of());
        return switch (random.nextInt(6)) {
            case 0 -> uuid().toString();
            case 1 -> text();
            case 2 -> "{" + (known.isEmpty() ? uuid() : pick(known)) + "}";
            default -> (known.isEmpty() ? uuid() : pick(known)).toString();
        };
    }

    private String literal(Column c) {
        return switch (c.type()) {
            case STRING, MEMO -> quoted(text());
            case INT, CHOICE, BIGINT -> random.nextInt(5) == 0 ? pick(new String[]{"1e999", "9223372036854775808", "-2147483649"}) : number();
            case DECIMAL, MONEY -> random.nextInt(5) == 0 ? "1e400" : number() + "." + random.nextInt(100000);
            case DATETIME, DATEONLY -> random.nextInt(5) == 0 ? "0001-01-01" : "2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + (random.nextBoolean() ? "T00:00:00Z" : "");
            case BOOLEAN -> random.nextBoolean() ? "true" : "false";
            case LOOKUP, UNIQUEIDENTIFIER -> random.nextBoolean() ? uuid().toString() : quoted(uuid().toString());
        };
    }

    private String json(Column c) {
        return switch (c.type()) {
            case STRING, MEMO -> "\"" + text().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case INT, CHOICE, BIGINT -> random.nextInt(5) == 0 ? pick(new String[]{"1e999", "9223372036854775808", "-2147483649", "1.5", "\"1\""}) : number();
            case DECIMAL, MONEY -> random.nextInt(5) == 0 ? pick(new String[]{"1e999", "-1e9999999999", "922337203685478", "0.00001"}) : number() + "." + random.nextInt(100);
            case DATETIME, DATEONLY -> "\"" + (random.nextInt(5) == 0 ? pick(new String[]{"1752-12-31", "10000-01-01", "2025-13-01", "x"}) : "2025-03-0" + (1 + random.nextInt(9))) + "\"";
            case BOOLEAN -> random.nextBoolean() ? "true" : "1";
            case LOOKUP, UNIQUEIDENTIFIER -> "\"" + uuid() + "\"";
        };
    }

    private String number() {
        return switch (random.nextInt(6)) {
            case 0 -> "0";
            case 1 -> "-" + random.nextInt(100);
            case 2 -> Long.toString(random.nextLong());
            default -> Integer.toString(random.nextInt(6000));
        };
    }

    private String text() {
        int n = random.nextInt(12);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(random.nextInt(8) == 0 ? pick(FRAGMENTS) : String.valueOf((char) ('a' + random.nextInt(26))));
        return b.toString();
    }

    private UUID uuid() { return new UUID(random.nextLong(), random.nextLong()); }

    private static String quoted(String s) { return "'" + s.replace("'", "''") + "'"; }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%24", "$").replace("%2F", "/").replace("%28", "(")
                .replace("%29", ")").replace("%2C", ",").replace("%27", "'");
    }

    private <T> T pick(List<T> list) { return list.get(random.nextInt(list.size())); }

    private String pick(String[] values) { return values[random.nextInt(values.length)]; }
}
