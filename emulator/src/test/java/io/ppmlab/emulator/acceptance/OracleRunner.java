package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Sends one oracle probe over HTTP as one user and reads the answer into facts (see {@link OracleProbe}). */
final class OracleRunner {
    /** Pages followed at most: the oracle's page sizes keep every query under about 25 pages. */
    private static final int MAX_PAGES = 60;

    /** @param cookies FetchXML pages asked for with the previous page's paging cookie */
    record Answer(Set<String> facts, int requests, int cookies) {
        Answer(Set<String> facts, int requests) { this(facts, requests, 0); }
    }

    private final LabHttp http;
    private final String token;
    private final List<String> extra;

    /** @param extra headers sent on every request (and on the {@code $batch} envelope), e.g. {@code MSCRMCallerID} */
    OracleRunner(LabHttp http, String token, List<String> extra) {
        this.http = http;
        this.token = token;
        this.extra = extra;
    }

    private String[] headers(List<String> own) {
        List<String> all = new java.util.ArrayList<>(own);
        all.addAll(extra);
        return all.toArray(String[]::new);
    }

    Answer run(OracleProbe probe) {
        if (probe instanceof OracleProbe.Single s) {
            LabHttp.Reply r = http.get(token, s.url(), headers(s.headers()));
            return new Answer(s.read(r.status(), r.body()), 1);
        }
        if (probe instanceof OracleProbe.Paged p) return p.fetchPage() == null ? odataPages(p) : fetchPages(p);
        return batch((OracleProbe.Batch) probe);
    }

    private Answer odataPages(OracleProbe.Paged p) {
        Set<String> facts = new LinkedHashSet<>();
        String next = p.url();
        int requests = 0;
        while (next != null && requests < MAX_PAGES) {
            LabHttp.Reply r = http.get(token, next, headers(p.headers()));
            requests++;
            JsonNode body = page(r, facts);
            if (body == null) break;
            add(facts, p.reader().apply(body));
            next = body.hasNonNull("@odata.nextLink") ? body.get("@odata.nextLink").asText() : null;
        }
        if (next != null) facts.add("unfinished after " + MAX_PAGES + " pages");
        return new Answer(facts, requests);
    }

    private Answer fetchPages(OracleProbe.Paged p) {
        Set<String> facts = new LinkedHashSet<>();
        int requests = 0;
        boolean more = true;
        String cookie = null;
        int cookies = 0;
        for (int page = 1; more && page <= MAX_PAGES; page++) {
            String url = p.fetchPage().apply(page, cookie);
            if (url.contains("paging-cookie")) cookies++;
            LabHttp.Reply r = http.get(token, url, headers(p.headers()));
            requests++;
            JsonNode body = page(r, facts);
            if (body == null) break;
            add(facts, p.reader().apply(body));
            more = body.path("@Microsoft.Dynamics.CRM.morerecords").asBoolean(false);
            cookie = pagingCookie(body.path("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").asText(null));
        }
        if (more) facts.add("unfinished after " + MAX_PAGES + " pages");
        return new Answer(facts, requests, cookies);
    }

    /** The inner cookie of a {@code fetchxmlpagingcookie} annotation, decoded twice as clients do (null when absent). */
    static String pagingCookie(String annotation) {
        if (annotation == null) return null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("pagingcookie=\"([^\"]*)\"").matcher(annotation);
        if (!m.find()) return null;
        String once = java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
        return java.net.URLDecoder.decode(once, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Answer batch(OracleProbe.Batch b) {
        BatchMultipart body = new BatchMultipart();
        for (OracleProbe.Single s : b.parts()) body.get("/api/data/v9.2/" + s.url(), s.headers().toArray(String[]::new));
        LabHttp.Reply r = http.batch(token, BatchMultipart.BOUNDARY, body.build(), headers(List.of("Prefer", "odata.continue-on-error")));
        Set<String> facts = new LinkedHashSet<>();
        if (r.status() != 200) return new Answer(Set.of("batch status:" + r.status() + " " + r.body()), 1);
        List<BatchMultipart.Answer> answers = BatchMultipart.answers(r);
        if (answers.size() != b.parts().size()) facts.add("batch answers:" + answers.size() + " for " + b.parts().size() + " parts");
        for (int i = 0; i < Math.min(answers.size(), b.parts().size()); i++) {
            for (String f : b.parts().get(i).read(answers.get(i).status(), answers.get(i).body())) facts.add("part" + i + ":" + f);
        }
        return new Answer(facts, 1);
    }

    /** The page's JSON, or null after recording its unexpected status or unreadable body as a fact. */
    private static JsonNode page(LabHttp.Reply r, Set<String> facts) {
        if (r.status() != 200) {
            facts.add("status:" + r.status() + " " + r.body());
            return null;
        }
        try {
            return LabHttp.JSON.readTree(r.body());
        } catch (IOException e) {
            facts.add("unreadable:" + r.body());
            return null;
        }
    }

    /** Adds page facts; an id already seen on an earlier page becomes a "dup:" fact, which no expectation holds. */
    private static void add(Set<String> facts, Set<String> page) {
        for (String f : page) if (!facts.add(f)) facts.add("dup:" + f);
    }
}
