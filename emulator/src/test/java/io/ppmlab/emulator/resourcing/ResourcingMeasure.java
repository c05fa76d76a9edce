package io.ppmlab.emulator.resourcing;

import io.ppmlab.datasets.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.emulator.clock.LabClock;
import io.ppmlab.emulator.meter.MeterReport;
import io.ppmlab.emulator.meter.StorageMeter;
import io.ppmlab.emulator.operations.VersionSequence;
import io.ppmlab.emulator.server.Emulator;
import io.ppmlab.emulator.server.ServerConfig;
import io.ppmlab.emulator.store.ChronicleStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.StoreOptions;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Figures for the resourcing notes, not a benchmark. Run with the test classpath and the Chronicle flags:
 * <ul>
 *   <li>{@code ResourcingMeasure fill <resources> <years>}: a fresh store with that many resources (one calendar,
 *       10 holidays a year, 3 one-week vacations per resource-year), {@link CapacityService} fills the horizon;
 *       prints time, rows, real bytes ({@code Store.bytesUsed}) and the meter's quota per resource-year; then the
 *       cost of a day's roll-forward.</li>
 *   <li>{@code ResourcingMeasure save <saves>}: a demo emulator; {@code <saves>} 45 resource-year saves over HTTP
 *       (90 resources × January–June, 16,290 daily rows) into fresh projects (creates), then as many re-saves of one
 *       plan with other hours (updates); then the same rows put straight into a fresh {@link ChronicleStore} with one
 *       {@code apply} each; prints median and p95 of each and the ratios.</li>
 * </ul>
 */
public final class ResourcingMeasure {
    private static final Schema SCHEMA = SchemaLoader.loadDefault();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResourcingMeasure() {}

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createTempDirectory("resourcing-measure");
        try {
            switch (args[0]) {
                case "fill" -> fill(Integer.parseInt(args[1]), Integer.parseInt(args[2]), scratch.resolve("fill"));
                case "save" -> save(Integer.parseInt(args[1]), scratch);
                default -> throw new IllegalArgumentException(args[0]);
            }
        } finally {
            try (var walk = Files.walk(scratch)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** What {@link #fill} measured. */
    record Fill(int resources, long rows, long millis, long bytes, MeterReport.CapacityFigure quota, long rollMillis) {}

    static Fill fill(int resources, int years, Path dir) {
        LocalDate today = LocalDate.of(2025, 1, 6);
        long days = java.time.temporal.ChronoUnit.DAYS.between(today.minusYears(1), today.plusYears(years - 1));
        StoreOptions options = StoreOptions.defaults().withEntries(CapacityService.TABLE, Math.max(100_000, resources * days + resources * days / 10));
        try (ChronicleStore chronicle = new ChronicleStore(dir, SCHEMA, options)) {
            Timed timed = new Timed(chronicle);
            CalendarWatch store = new CalendarWatch(timed);
            LabClock clock = new LabClock(Clock.fixed(today.atTime(8, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
            Organisation org = new Organisation(store, today, years, resources);
            store.put(new Row(ResourcingSettings.TABLE, ResourcingSettings.rowId(ResourcingSettings.HORIZON_KEY), Map.of(
                    "sensei_name", ResourcingSettings.HORIZON_KEY, "sensei_value", "{\"yearsBehind\":1,\"yearsAhead\":" + (years - 1) + "}")));
            CapacityService service = new CapacityService(new CapacityService.Wiring(SCHEMA, store, store, VersionSequence.inMemory(), clock,
                    new ResourcingSettings(store, System.out::println), null, System.out::println));
            long t0 = System.nanoTime();
            CapacityService.Round round = service.catchUp();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            long rows = chronicle.count(CapacityService.TABLE);
            long bytes = chronicle.bytesUsed(CapacityService.TABLE);
            System.out.printf("fill in the store: apply %d ms (%d batches), get %d ms (%d gets)%n", timed.applyNanos / 1_000_000, timed.applies,
                    timed.getNanos / 1_000_000, timed.gets);
            timed.applyNanos = timed.getNanos = timed.applies = timed.gets = 0;
            clock.advance(Duration.ofDays(1));
            long t1 = System.nanoTime();
            CapacityService.Round roll = service.catchUp();
            long rollMillis = (System.nanoTime() - t1) / 1_000_000;
            MeterReport report = StorageMeter.measure(chronicle, SCHEMA);
            MeterReport.CapacityFigure q = report.capacity();
            System.out.printf("fill: %d resources × %d years (%s..%s): %d capacity rows written in %d ms (%.1f µs/row), %d exceptions%n",
                    resources, years, round.window().start(), round.window().end().minusDays(1), round.written(), millis,
                    millis * 1000.0 / Math.max(1, round.written()), org.exceptions);
            System.out.printf("store: %d rows, %d bytes (%.1f B/row, %.1f KB per resource-year)%n", rows, bytes, bytes / (double) rows,
                    bytes / (rows / 365.0) / 1000);
            System.out.printf("meter: %.1f resource-years, quota %d bytes = %.1f KB per resource-year (documented %.0f KB, %+.1f%%)%n",
                    q.resourceYears(), q.quotaBytes(), q.quotaPerResourceYearKb(), q.documentedKb(), q.deviation() * 100);
            System.out.printf("roll forward one day: %d written, %d deleted in %d ms%n", roll.written(), roll.deleted(), rollMillis);
            System.out.printf("roll in the store: apply %d ms (%d batches), get %d ms (%d gets)%n", timed.applyNanos / 1_000_000, timed.applies,
                    timed.getNanos / 1_000_000, timed.gets);
            return new Fill(resources, rows, millis, bytes, q, rollMillis);
        }
    }

    /** Time spent in the store (apply and get), to tell the store's cost from the service's. */
    private static final class Timed implements io.ppmlab.emulator.store.Store {
        final io.ppmlab.emulator.store.Store d;
        long applyNanos, getNanos, applies, gets;

        Timed(io.ppmlab.emulator.store.Store d) { this.d = d; }

        @Override public java.util.Optional<Row> get(String t, UUID id) {
            long t0 = System.nanoTime();
            try { return d.get(t, id); } finally { getNanos += System.nanoTime() - t0; gets++; }
        }

        @Override public void apply(List<Mutation> m) {
            long t0 = System.nanoTime();
            try { d.apply(m); } finally { applyNanos += System.nanoTime() - t0; applies++; }
        }

        @Override public void scan(String t, java.util.function.Consumer<Row> v) { d.scan(t, v); }

        @Override public long count(String t) { return d.count(t); }

        @Override public long bytesUsed(String t) { return d.bytesUsed(t); }

        @Override public void close() {}
    }

    /** Platform rows, one calendar with holidays, resources with vacations. */
    private static final class Organisation {
        final UUID unit = UUID.randomUUID();
        final UUID team = UUID.randomUUID();
        final UUID user = UUID.randomUUID();
        final UUID calendar = UUID.randomUUID();
        int exceptions;

        Organisation(CalendarWatch store, LocalDate today, int years, int resources) {
            List<Mutation> m = new ArrayList<>();
            m.add(put("businessunit", unit, Map.of("name", "Unit")));
            m.add(put("team", team, Map.of("name", "Unit", "businessunitid", ref("businessunit", unit), "teamtype", 0)));
            m.add(put("systemuser", user, Map.of("domainname", "fill@contoso.test", "businessunitid", ref("businessunit", unit))));
            Map<String, Object> cal = new LinkedHashMap<>();
            cal.put("sensei_name", "Standard");
            for (String d : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) cal.put("sensei_" + d + "hours", BigDecimal.valueOf(8));
            cal.put("sensei_saturdayhours", BigDecimal.ZERO);
            cal.put("sensei_sundayhours", BigDecimal.ZERO);
            m.add(put("sensei_enterprisecalendar", calendar, cal));
            List<MonthDay> holidays = List.of(MonthDay.of(1, 1), MonthDay.of(1, 26), MonthDay.of(4, 25), MonthDay.of(5, 1), MonthDay.of(6, 9),
                    MonthDay.of(8, 15), MonthDay.of(10, 3), MonthDay.of(11, 11), MonthDay.of(12, 25), MonthDay.of(12, 26));
            for (int y = today.getYear() - 1; y <= today.getYear() + years; y++) {
                for (MonthDay h : holidays) m.add(exception(null, h.atYear(y), h.atYear(y)));
            }
            Random rng = new Random(42);
            for (int i = 0; i < resources; i++) {
                UUID id = UUID.nameUUIDFromBytes(("fill resource " + i).getBytes(StandardCharsets.UTF_8));
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("name", "Resource " + i);
                v.put("resourcetype", 1);
                v.put("sensei_enterprisecalendar", ref("sensei_enterprisecalendar", calendar));
                v.put("ownerid", ref("team", team));
                v.put("owningteam", ref("team", team));
                v.put("owningbusinessunit", ref("businessunit", unit));
                v.put("createdby", ref("systemuser", user));
                m.add(put("bookableresource", id, v));
                for (int k = 0; k < 3 * years; k++) {
                    LocalDate start = today.minusYears(1).plusDays(rng.nextInt(365 * years)).with(java.time.DayOfWeek.MONDAY);
                    m.add(exception(id, start, start.plusDays(4)));
                }
            }
            store.apply(m);
        }

        Mutation exception(UUID resource, LocalDate from, LocalDate to) {
            exceptions++;
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("sensei_name", resource == null ? "Holiday" : "Vacation");
            if (resource == null) v.put("sensei_enterprisecalendar", ref("sensei_enterprisecalendar", calendar));
            else v.put("sensei_bookableresource", ref("bookableresource", resource));
            v.put("sensei_startdate", from);
            v.put("sensei_enddate", to);
            v.put("sensei_hours", BigDecimal.ZERO);
            v.put("ownerid", ref("team", team));
            v.put("owningbusinessunit", ref("businessunit", unit));
            return put("sensei_calendarexception", UUID.randomUUID(), v);
        }

        static Mutation put(String table, UUID id, Map<String, Object> values) { return new Mutation.Put(new Row(table, id, values)); }

        static EntityRef ref(String table, UUID id) { return new EntityRef(table, id); }
    }

    // --- the 45 resource-year save ---

    static void save(int saves, Path scratch) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (Emulator lab = Emulator.start(ServerConfig.defaults(scratch.resolve("emulator")).withDataset("demo"), line -> {});
             ChronicleStore raw = new ChronicleStore(scratch.resolve("raw"), SCHEMA, StoreOptions.defaults())) {
            lab.services().resourcing().capacity().catchUp(); // the demo's capacity now, so no background round runs during the saves
            String api = "http://127.0.0.1:" + lab.port() + "/api/data/v9.2/";
            String admin = token(http, lab.port(), "admin@contoso.test");
            String rm = token(http, lab.port(), "resourcemanager@contoso.test");
            UUID itTeam = io.ppmlab.datasets.DemoOrganisation.teamId("IT");
            List<UUID> resources = new ArrayList<>();
            for (int i = 0; i < 90; i++) {
                UUID id = UUID.randomUUID();
                send(http, admin, api + "bookableresources", "{\"bookableresourceid\":\"" + id + "\",\"name\":\"Measured " + i
                        + "\",\"resourcetype\":1,\"ownerid@odata.bind\":\"/teams(" + itTeam + ")\"}", 204);
                resources.add(id);
            }
            List<UUID> projects = new ArrayList<>();
            for (int i = 0; i < 2 * saves + 3; i++) {
                UUID id = UUID.randomUUID();
                send(http, admin, api + "sensei_projects", "{\"sensei_projectid\":\"" + id + "\",\"sensei_name\":\"Measured project " + i
                        + "\",\"ownerid@odata.bind\":\"/teams(" + itTeam + ")\"}", 204);
                projects.add(id);
            }
            LocalDate first = LocalDate.of(2027, 1, 1);
            LocalDate last = LocalDate.of(2027, 6, 30);
            System.out.printf("save body: %d rows, %d bytes, 45 resource-years (90 resources × January–June 2027)%n", 90 * 181,
                    body(projects.get(0), resources, first, last, "8").length());
            for (int i = 0; i < 3; i++) send(http, rm, api + "sensei_SaveResourcePlan", body(projects.get(i), resources, first, last, "8"), 200); // warm-up
            for (int w = 0; w < 3; w++) rawApply(raw, rowsOf(lab, "Measured project 0", first, last), true);
            phase(lab, http, rm, api, raw, resources, projects.subList(3, 3 + saves), 3, first, last, "demand table not indexed yet");
            // A plan load (any query of the demand table) builds the query engine's index of it; from then on every
            // write of demand rows also maintains that index.
            HttpResponse<String> q = http.send(HttpRequest.newBuilder(URI.create(api + "sensei_resourcedemands?$select=sensei_hours&$top=1"))
                    .header("Authorization", "Bearer " + rm).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (q.statusCode() != 200) throw new IllegalStateException(q.body());
            phase(lab, http, rm, api, raw, resources, projects.subList(3 + saves, 3 + 2 * saves), 3 + saves, first, last,
                    "demand table indexed (after a plan load)");
        }
    }

    /** n create saves into fresh projects and n update saves of one plan, each followed by the same rows put raw. */
    static void phase(Emulator lab, HttpClient http, String token, String api, ChronicleStore raw, List<UUID> resources, List<UUID> projects,
                      int firstNumber, LocalDate first, LocalDate last, String title) throws Exception {
        int n = projects.size();
        long[] creates = new long[n];
        long[] rawInserts = new long[n];
        for (int i = 0; i < n; i++) {
            String b = body(projects.get(i), resources, first, last, "8");
            long t0 = System.nanoTime();
            JsonNode out = send(http, token, api + "sensei_SaveResourcePlan", b, 200);
            creates[i] = System.nanoTime() - t0;
            if (out.path("Created").asInt() != 90 * 181 || out.path("ResourceYears").decimalValue().compareTo(BigDecimal.valueOf(45)) != 0) {
                throw new IllegalStateException("unexpected save outcome " + out);
            }
            rawInserts[i] = rawApply(raw, rowsOf(lab, "Measured project " + (firstNumber + i), first, last), false);
        }
        long[] updates = new long[n];
        long[] rawReplaces = new long[n];
        for (int i = 0; i < n; i++) {
            String b = body(projects.get(0), resources, first, last, i % 2 == 0 ? "7" : "8");
            long t0 = System.nanoTime();
            JsonNode out = send(http, token, api + "sensei_SaveResourcePlan", b, 200);
            updates[i] = System.nanoTime() - t0;
            if (out.path("Updated").asInt() != 90 * 181) throw new IllegalStateException("unexpected save outcome " + out);
            rawReplaces[i] = rawApply(raw, rowsOf(lab, "Measured project " + firstNumber, first, last), false);
        }
        System.out.println("-- " + title);
        report("HTTP save, creates (16,290 new rows)", creates);
        report("ChronicleStore.apply of the same rows, new", rawInserts);
        report("HTTP save, updates (16,290 changed rows)", updates);
        report("ChronicleStore.apply of the same rows, replacing", rawReplaces);
        System.out.printf("ratio HTTP/raw of the medians: creates %.2f×, updates %.2f×; median of pairwise ratios: creates %.2f×, updates %.2f×%n",
                median(creates) / (double) median(rawInserts), median(updates) / (double) median(rawReplaces),
                medianRatio(creates, rawInserts), medianRatio(updates, rawReplaces));
    }

    /** The rows a save wrote, read back by their ids (the generator's name-based ids: project/resource/date). */
    static List<Row> rowsOf(Emulator lab, String projectName, LocalDate first, LocalDate last) {
        List<Row> rows = new ArrayList<>(90 * 181);
        for (int r = 0; r < 90; r++) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                UUID id = Ids.of(ResourcePlanSave.TABLE, projectName + "/Measured " + r + "/" + d);
                rows.add(lab.services().store().get(ResourcePlanSave.TABLE, id).orElseThrow(() -> new IllegalStateException("not saved: " + id)));
            }
        }
        return rows;
    }

    /** One {@code apply} of the rows into the raw store (a journaled ChronicleStore with the emulator's options); nanoseconds. */
    static long rawApply(ChronicleStore raw, List<Row> rows, boolean freshIds) {
        List<Mutation> m = new ArrayList<>(rows.size());
        for (Row r : rows) m.add(new Mutation.Put(freshIds ? new Row(r.table(), UUID.randomUUID(), r.values()) : r));
        long t0 = System.nanoTime();
        raw.apply(m);
        return System.nanoTime() - t0;
    }

    static double medianRatio(long[] a, long[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] / (double) b[i];
        Arrays.sort(r);
        return r[r.length / 2];
    }

    static String body(UUID project, List<UUID> resources, LocalDate first, LocalDate last, String hours) {
        StringBuilder b = new StringBuilder(1_400_000).append("{\"Target\":{\"@odata.id\":\"sensei_projects(").append(project).append(")\"},\"Demand\":[");
        boolean comma = false;
        for (UUID r : resources) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (comma) b.append(',');
                b.append("{\"ResourceId\":\"").append(r).append("\",\"Date\":\"").append(d).append("\",\"Hours\":").append(hours).append('}');
                comma = true;
            }
        }
        return b.append("]}").toString();
    }

    static String token(HttpClient http, int port, String upn) throws Exception {
        String root = "http://127.0.0.1:" + port;
        String form = "grant_type=password&client_id=lab&username=" + URLEncoder.encode(upn, StandardCharsets.UTF_8) + "&password=demo&scope="
                + URLEncoder.encode(root + "/.default", StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(root + "/common/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    static JsonNode send(HttpClient http, String token, String url, String body, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
        return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    static long median(long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static long p95(long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.95) - 1)];
    }

    static void report(String what, long[] ns) {
        System.out.printf("%-50s n=%d  min %6.1f ms  median %6.1f ms  p95 %6.1f ms  (all: %s)%n", what, ns.length,
                Arrays.stream(ns).min().orElse(0) / 1e6, median(ns) / 1e6, p95(ns) / 1e6,
                Arrays.stream(ns).mapToObj(n -> String.format("%.0f", n / 1e6)).toList());
    }
}
