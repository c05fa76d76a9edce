package io.ppmlab.harness.measure;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.emulator.server.Emulator;
import io.ppmlab.emulator.server.ServerConfig;
import io.ppmlab.emulator.store.ChronicleStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.StoreOptions;
import io.ppmlab.harness.run.WebClient;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The "45 resource-year save over HTTP (median and p95 of repeated saves) and its ratio to raw Chronicle Map
 * puts of the same rows". A demo emulator on a random port; {@code resources} resources and {@code months} months
 * of 2027 per save (default 90 × 6 = 45 resource-years, 16,290 daily rows), saved by the Resource Manager:
 * <ol>
 *   <li>warm-ups: saves into fresh projects, and raw applies of those rows under fresh ids;</li>
 *   <li>phase 1, before anything has queried the demand table: {@code saves} saves into fresh projects (creates),
 *       then {@code saves} re-saves of the first of them with hours alternating 7 and 8 (updates); each save is
 *       followed by one {@link ChronicleStore#apply} of the rows it wrote (read back from the emulator's store) into
 *       a separate fresh journaled store, so each HTTP sample has a raw twin taken under the same machine load;</li>
 *   <li>a plan load (a query of the demand table) builds the query engine's index of it;</li>
 *   <li>phase 2: the same as phase 1 on other projects, now paying the index maintenance.</li>
 * </ol>
 */
public final class PlanSaveBench {
    private static final LocalDate FIRST = LocalDate.of(2027, 1, 1);

    /** @param months of 2027 from January; resources × months / 12 resource-years, at most the default save limit of 45 */
    public record Size(int resources, int months, int saves, int warmups) {
        public static final Size DEFAULT = new Size(90, 6, 10, 3);

        public Size {
            if (resources < 1) throw new IllegalArgumentException("--resources must be at least 1, not " + resources);
            if (months < 1 || months > 12) throw new IllegalArgumentException("--months must be 1 to 12, not " + months);
            if (resources * months > 45 * 12) {
                throw new IllegalArgumentException(resources + " resources × " + months + " months is above the save limit of 45 resource-years");
            }
            if (saves < 1) throw new IllegalArgumentException("--saves must be at least 1, not " + saves);
            if (warmups < 0) throw new IllegalArgumentException("--warmups cannot be negative");
        }

        @JsonProperty
        public String firstDay() { return FIRST.toString(); }

        @JsonProperty
        public String lastDay() { return FIRST.plusMonths(months).minusDays(1).toString(); }

        @JsonProperty
        public int rows() { return resources * (int) (FIRST.plusMonths(months).toEpochDay() - FIRST.toEpochDay()); }

        @JsonProperty
        public double resourceYears() { return resources * months / 12.0; }
    }

    private final Schema schema;
    private final Progress progress;

    public PlanSaveBench(Schema schema, Progress progress) {
        this.schema = schema;
        this.progress = progress;
    }

    /** Runs in {@code scratch} (an emulator data directory and a raw store under it), which should be empty. */
    public PlanSaveResult run(Size size, Path scratch) {
        MachineFacts machine = MachineFacts.now();
        try (Emulator lab = Emulator.start(ServerConfig.defaults(scratch.resolve("emulator")).withDataset("demo"), line -> {});
             ChronicleStore raw = new ChronicleStore(scratch.resolve("raw"), schema, StoreOptions.defaults())) {
            lab.services().resourcing().capacity().catchUp(); // the demo's capacity now, so no background round runs during the saves
            WebClient http = new WebClient("http://127.0.0.1:" + lab.port());
            String admin = http.password("admin@contoso.test", "demo");
            String rm = http.password("resourcemanager@contoso.test", "demo");
            UUID itTeam = DemoOrganisation.teamId("IT");
            List<UUID> resources = new ArrayList<>();
            for (int i = 0; i < size.resources(); i++) {
                UUID id = UUID.randomUUID();
                http.post(admin, "bookableresources", "{\"bookableresourceid\":\"" + id + "\",\"name\":\"" + MeasuredPlan.resourceName(i)
                        + "\",\"resourcetype\":1,\"ownerid@odata.bind\":\"/teams(" + itTeam + ")\"}").expect(204, "a new resource");
                resources.add(id);
            }
            List<UUID> projects = new ArrayList<>();
            for (int i = 0; i < size.warmups() + 2 * size.saves(); i++) {
                UUID id = UUID.randomUUID();
                http.post(admin, "sensei_projects", "{\"sensei_projectid\":\"" + id + "\",\"sensei_name\":\"" + MeasuredPlan.projectName(i)
                        + "\",\"ownerid@odata.bind\":\"/teams(" + itTeam + ")\"}").expect(204, "a new project");
                projects.add(id);
            }
            MeasuredPlan plan = new MeasuredPlan(resources, FIRST.getYear(), size.months());
            long bodyBytes = plan.body(projects.get(0), 8).length();

            Session session = new Session(lab, http, rm, raw, plan, projects);
            progress.start("plan saves", size.warmups() + 4L * size.saves(), " saves");
            try {
                session.warmUp(size.warmups());
                PlanSaveResult.Phase notIndexed = session.phase("demand table not indexed yet", false, size.warmups(), size.saves());
                session.loadPlan();
                PlanSaveResult.Phase indexed = session.phase("demand table indexed (after a plan load)", true, size.warmups() + size.saves(),
                        size.saves());
                return new PlanSaveResult(machine, size, bodyBytes, List.of(notIndexed, indexed), MachineFacts.currentLoadAverage());
            } finally {
                progress.finish();
            }
        }
    }

    /** The saves of one run, as the Resource Manager, against one emulator and one raw store. */
    private final class Session {
        private final Emulator lab;
        private final WebClient http;
        private final String token;
        private final ChronicleStore raw;
        private final MeasuredPlan plan;
        private final List<UUID> projects;
        private final double resourceYears;

        Session(Emulator lab, WebClient http, String token, ChronicleStore raw, MeasuredPlan plan, List<UUID> projects) {
            this.lab = lab;
            this.http = http;
            this.token = token;
            this.raw = raw;
            this.plan = plan;
            this.projects = projects;
            this.resourceYears = plan.resources().size() * (double) plan.months() / 12;
        }

        /** Saves into the first {@code n} projects, then as many raw applies of the first one's rows under fresh ids. */
        void warmUp(int n) {
            for (int i = 0; i < n; i++) {
                save(plan.body(projects.get(i), 8));
                progress.advance(1);
            }
            for (int i = 0; i < n; i++) rawApply(raw, plan.savedRows(lab.services().store(), MeasuredPlan.projectName(0)), true);
        }

        /** One save as the Resource Manager; its reply. */
        private JsonNode save(String body) {
            return http.post(token, "sensei_SaveResourcePlan", body).expect(200, "a plan save").json();
        }

        /**
         * A plan load (any query of the demand table) builds the query engine's index of it; from then on every write
         * of demand rows also maintains that index.
         */
        void loadPlan() {
            http.get(token, "sensei_resourcedemands?$select=sensei_hours&$top=1").expect(200, "a plan load");
        }

        /**
         * {@code n} creates into projects {@code from..from+n-1}, then {@code n} updates of project {@code from}, each
         * followed by a raw apply of the rows it wrote.
         */
        PlanSaveResult.Phase phase(String title, boolean indexed, int from, int n) {
            long[] creates = new long[n];
            long[] rawInserts = new long[n];
            for (int i = 0; i < n; i++) {
                String body = plan.body(projects.get(from + i), 8);
                long t0 = System.nanoTime();
                JsonNode out = save(body);
                creates[i] = System.nanoTime() - t0;
                if (out.path("Created").asInt() != plan.rows() || Math.abs(out.path("ResourceYears").asDouble() - resourceYears) > 1e-3) {
                    throw new IllegalStateException("unexpected save outcome " + out);
                }
                rawInserts[i] = rawApply(raw, plan.savedRows(lab.services().store(), MeasuredPlan.projectName(from + i)), false);
                progress.advance(1);
            }
            long[] updates = new long[n];
            long[] rawReplaces = new long[n];
            for (int i = 0; i < n; i++) {
                String body = plan.body(projects.get(from), i % 2 == 0 ? 7 : 8);
                long t0 = System.nanoTime();
                JsonNode out = save(body);
                updates[i] = System.nanoTime() - t0;
                if (out.path("Updated").asInt() != plan.rows()) throw new IllegalStateException("unexpected save outcome " + out);
                rawReplaces[i] = rawApply(raw, plan.savedRows(lab.services().store(), MeasuredPlan.projectName(from)), false);
                progress.advance(1);
            }
            return new PlanSaveResult.Phase(title, indexed, Samples.ofNanos(creates), Samples.ofNanos(rawInserts), Samples.ofNanos(updates),
                    Samples.ofNanos(rawReplaces));
        }
    }

    /** One {@code apply} of the rows into the raw store (a journaled ChronicleStore with the emulator's options); nanoseconds. */
    private static long rawApply(ChronicleStore raw, List<Row> rows, boolean freshIds) {
        List<Mutation> m = new ArrayList<>(rows.size());
        for (Row r : rows) m.add(new Mutation.Put(freshIds ? new Row(r.table(), UUID.randomUUID(), r.values()) : r));
        long t0 = System.nanoTime();
        raw.apply(m);
        return System.nanoTime() - t0;
    }
}
