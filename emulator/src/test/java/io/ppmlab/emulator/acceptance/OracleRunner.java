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

    record Answer(Set<String> facts, int requests) {}

    private final LabHttp http;
    private final String token;

    OracleRunner(LabHttp http, String token) {
        this.http = http;
        this.token = token;
    }

    Answer run(OracleProbe probe) {
        if (probe instanceof OracleProbe.Single s) {
            LabHttp.Reply r = http.get(token, s.url(), s.headers().toArray(String[]::new));
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
            LabHttp.Reply r = http.get(token, next, p.headers().toArray(String[]::new));
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
        for (int page = 1; more && page <= MAX_PAGES; page++) {
            LabHttp.Reply r = http.get(token, p.fetchPage().apply(page), p.headers().toArray(String[]::new));
            requests++;
            JsonNode body = page(r, facts);
            if (body == null) break;
            add(facts, p.reader().apply(body));
            more = body.path("@Microsoft.Dynamics.CRM.morerecords").asBoolean(false);
        }
        if (more) facts.add("unfinished after " + MAX_PAGES + " pages");
        return new Answer(facts, requests);
    }

    private Answer batch(OracleProbe.Batch b) {
        BatchMultipart body = new BatchMultipart();
        for (OracleProbe.Single s : b.parts()) body.get("/api/data/v9.2/" + s.url(), s.headers().toArray(String[]::new));
        LabHttp.Reply r = http.batch(token, BatchMultipart.BOUNDARY, body.build(), "Prefer", "odata.continue-on-error");
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
