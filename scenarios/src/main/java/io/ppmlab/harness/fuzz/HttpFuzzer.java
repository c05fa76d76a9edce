package io.ppmlab.harness.fuzz;

import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.harness.run.WebClient;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The fuzzing loop against one emulator: signs in as a few demo users, reads every table as the administrator
 * (for real keys and the before-figures), then until the time is up sends one generated request at a time and
 * checks its answer. A write (or a GET carrying a method-override header) on an entity set is bracketed by two
 * administrator reads of its table: when the write was refused, or was a GET, the table must be unchanged; a
 * {@code $batch} refused as a whole (a JSON answer) is checked the same way over every table its body names
 * (except the tables in {@link #BACKGROUND}).
 * At the end the emulator must still answer {@code WhoAmI()}.
 */
final class HttpFuzzer {
    /** Settings of one run. */
    record Settings(String baseUrl, long seed, Duration duration, Duration requestTimeout) {}

    private static final List<String> USERS = List.of("admin", "projectuser", "blue");
    /**
     * Tables the emulator rewrites in the background after accepted writes elsewhere (capacity rounds follow
     * changes of resources and calendars), so their rows may change while an unrelated refused write is checked.
     */
    private static final Set<String> BACKGROUND = Set.of("sensei_resourcecapacity");

    private final Settings settings;
    private final Schema schema;
    private final Consumer<String> log;

    HttpFuzzer(Settings settings, Schema schema, Consumer<String> log) {
        this.settings = settings;
        this.schema = schema;
        this.log = log;
    }

    FuzzReport run() {
        WebClient web = new WebClient(settings.baseUrl());
        List<String> tokens = new ArrayList<>();
        for (String user : USERS) tokens.add(web.password(DemoOrganisation.upn(user), DemoOrganisation.PASSWORD));
        String admin = tokens.get(0);
        Map<String, TableSnapshot> before = TableSnapshot.all(web, admin, schema);
        Map<String, List<UUID>> ids = new LinkedHashMap<>();
        before.forEach((table, snapshot) -> ids.put(table, snapshot.ids()));
        List<UUID> users = new ArrayList<>();
        for (DemoOrganisation.DemoUser u : DemoOrganisation.USERS) users.add(DemoOrganisation.userId(u.upn()));

        URI uri = URI.create(settings.baseUrl());
        RawHttp http = new RawHttp(uri.getHost(), uri.getPort(), settings.requestTimeout());
        RequestGenerator generator = new RequestGenerator(settings.seed(), schema, ids, tokens, users);
        Set<Long> distinct = new HashSet<>();
        Map<Integer, Long> statuses = new TreeMap<>();
        Map<String, Long> kinds = new TreeMap<>();
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, FuzzReport.Failure> failures = new LinkedHashMap<>();
        long requests = 0;
        long checkedWrites = 0;
        long start = System.nanoTime();
        long end = start + settings.duration().toNanos();
        long nextLog = start + 10_000_000_000L;
        while (System.nanoTime() < end) {
            FuzzRequest request = generator.next();
            byte[] wire = request.wire(http.hostAndPort());
            distinct.add(hash(wire));
            kinds.merge(request.kind(), 1L, Long::sum);
            requests++;
            List<Table> watched = watched(request);
            Map<String, TableSnapshot> beforeWrite = new LinkedHashMap<>();
            for (Table t : watched) beforeWrite.put(t.logicalName(), TableSnapshot.read(web, admin, t));
            RawHttp.Answer answer;
            try {
                answer = http.exchange(wire);
            } catch (RawHttp.NoAnswer e) {
                record(failures, counts, AnswerCheck.signature(e.timedOut ? "no answer in time" : "no answer", request, 0), request, e.getMessage());
                statuses.merge(0, 1L, Long::sum);
                continue;
            }
            statuses.merge(answer.status(), 1L, Long::sum);
            Optional<String> problem = AnswerCheck.problem(request, answer);
            if (problem.isPresent()) record(failures, counts, AnswerCheck.signature(problem.get(), request, answer.status()), request, excerpt(answer));
            if (!watched.isEmpty() && mustNotChange(request, answer)) {
                checkedWrites++;
                for (Table t : watched) {
                    TableSnapshot after = TableSnapshot.read(web, admin, t);
                    if (!after.sameRows(beforeWrite.get(t.logicalName()))) {
                        record(failures, counts, AnswerCheck.signature("refused write changed " + t.logicalName(), request, answer.status()), request,
                                excerpt(answer) + " (rows " + beforeWrite.get(t.logicalName()).rows() + " -> " + after.rows() + ")");
                    }
                }
            }
            if (System.nanoTime() > nextLog) {
                log.accept(String.format("  %,d requests, %d distinct failures", requests, failures.size()));
                nextLog += 10_000_000_000L;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean answers = answersAtEnd(web, admin);
        Map<String, TableSnapshot> afterRun = answers ? TableSnapshot.all(web, admin, schema) : Map.of();
        List<FuzzReport.Failure> found = new ArrayList<>();
        failures.forEach((signature, f) -> found.add(new FuzzReport.Failure(signature, counts.get(signature)[0], f.example(), f.answer())));
        return new FuzzReport(settings.seed(), seconds, settings.baseUrl(), requests, distinct.size(), statuses, kinds, checkedWrites,
                rows(before), rows(afterRun), answers, found);
    }

    /** The tables whose rows this request must leave alone unless it succeeds as a write. */
    private List<Table> watched(FuzzRequest request) {
        boolean override = request.headers().stream().anyMatch(h -> h.getKey().toLowerCase(java.util.Locale.ROOT).contains("method"));
        if (!request.writes() && !override) return List.of();
        String path = request.target().startsWith("/api/data/v9.2/") ? request.target().substring("/api/data/v9.2/".length()) : "";
        if (path.startsWith("$batch")) {
            String body = new String(request.body(), StandardCharsets.UTF_8);
            return schema.tables().stream().filter(t -> !BACKGROUND.contains(t.logicalName()))
                    .filter(t -> body.contains("/" + t.entitySetName()) || body.contains(" " + t.entitySetName())).toList();
        }
        int cut = path.length();
        for (char c : new char[]{'(', '/', '?'}) {
            int at = path.indexOf(c);
            if (at >= 0) cut = Math.min(cut, at);
        }
        return schema.tableBySet(path.substring(0, cut)).filter(t -> !BACKGROUND.contains(t.logicalName())).map(List::of).orElse(List.of());
    }

    /** A refused write, any GET, and a batch refused as a whole (its answer is JSON, not multipart) change nothing. */
    private static boolean mustNotChange(FuzzRequest request, RawHttp.Answer answer) {
        if (!request.writes()) return true;
        if (request.target().contains("$batch")) return answer.status() >= 400 && answer.headers().getOrDefault("content-type", "").contains("json");
        return answer.status() >= 400;
    }

    private boolean answersAtEnd(WebClient web, String admin) {
        try {
            return web.get(admin, "WhoAmI()").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void record(Map<String, FuzzReport.Failure> failures, Map<String, long[]> counts, String signature, FuzzRequest request, String answer) {
        counts.computeIfAbsent(signature, s -> new long[1])[0]++;
        if (failures.putIfAbsent(signature, new FuzzReport.Failure(signature, 0, request.shown(2_000), answer)) == null) {
            log.accept("  new failure: " + signature + "\n      e.g. " + request.shown(300).replace("\n", "\n           ") + "\n      answer: " + answer);
        }
    }

    private static String excerpt(RawHttp.Answer answer) {
        String text = answer.text();
        return answer.status() + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }

    private static Map<String, Integer> rows(Map<String, TableSnapshot> snapshots) {
        Map<String, Integer> out = new TreeMap<>();
        snapshots.forEach((table, s) -> out.put(table, s.rows()));
        return out;
    }

    /** FNV-1a over the bytes: distinct inputs are counted, not stored. */
    private static long hash(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
