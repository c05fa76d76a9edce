package io.ppmlab.emulator.query;

import io.ppmlab.emulator.access.ReadAccess;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.query.index.IndexedStore;
import io.ppmlab.emulator.security.ReadScope;
import io.ppmlab.emulator.store.ChronicleStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.StoreOptions;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.ppmlab.emulator.query.QueryFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three query measurements at engine level (no HTTP), over Chronicle Map behind the IndexedStore:
 * (a)/(b) a Business-Unit-depth user's {@code $select=sensei_name,statuscode&$filter=statuscode eq 1&$top=50} at
 * 5,000 and 50,000 projects, (c) the documented $apply over a program of 200 projects. Projects are spread over
 * 10 business units, 25 per program, each program owned by its team. Run with
 * {@code -Dquery.perf=true -Dtest=QueryPerformanceProbe}; prints the figures.
 */
@EnabledIfSystemProperty(named = "query.perf", matches = "true")
class QueryPerformanceProbe {
    private static final int BUS = 10;
    private static final String QUERY = "sensei_projects?$select=sensei_name,statuscode&$filter=statuscode%20eq%201&$top=50";

    @Test
    void measure(@TempDir Path dir) {
        Map<Integer, double[]> results = new HashMap<>();
        for (int n : new int[] {5_000, 50_000}) results.put(n, run(dir.resolve("p" + n), n));
        double[] small = results.get(5_000);
        double[] large = results.get(50_000);
        System.out.printf("(a) BU-depth $top=50 at 5k projects: mean %.1f us, p50 %.1f us, p99 %.1f us, %.0f queries/s on one thread%n",
                small[0], small[1], small[2], 1e6 / small[0]);
        System.out.printf("(b) same at 50k: mean %.1f us, p50 %.1f us, p99 %.1f us; ratio 50k/5k (p50) = %.2f%n",
                large[0], large[1], large[2], large[1] / small[1]);
        System.out.printf("(c) $apply groupby/sum over a program of 200 projects (50k store): mean %.1f us, p50 %.1f us, p99 %.1f us%n",
                large[3], large[4], large[5]);
    }

    private double[] run(Path dir, int projects) {
        StoreOptions options = StoreOptions.defaults().withEntries("sensei_project", projects * 2L).withEntries("sensei_program", projects / 10L);
        try (IndexedStore store = new IndexedStore(new ChronicleStore(dir, SCHEMA, options), SCHEMA)) {
            UUID[] bus = new UUID[BUS];
            for (int i = 0; i < BUS; i++) bus[i] = UUID.nameUUIDFromBytes(("bu" + i).getBytes());
            List<Mutation> batch = new ArrayList<>();
            UUID bigProgram = UUID.nameUUIDFromBytes("program-big".getBytes());
            int programs = projects / 25;
            for (int p = 0; p < programs; p++) {
                UUID id = p == 0 ? bigProgram : UUID.nameUUIDFromBytes(("program" + p).getBytes());
                batch.add(new Mutation.Put(row("sensei_program", id, "Program " + p, team(p), bus[p % BUS], Map.of())));
            }
            for (int i = 0; i < projects; i++) {
                // the first 200 projects belong to the big program, the rest 25 per program
                int program = i < 200 ? 0 : 1 + (i - 200) / 25 % Math.max(1, programs - 1);
                UUID programId = program == 0 ? bigProgram : UUID.nameUUIDFromBytes(("program" + program).getBytes());
                Map<String, Object> v = new HashMap<>();
                v.put("sensei_program", new EntityRef("sensei_program", programId));
                v.put("sensei_effortremaining", BigDecimal.valueOf(100 + i % 900));
                v.put("sensei_projectstart", LocalDate.of(2025, 1, 1).plusDays(i % 365));
                v.put("sensei_description", "Project number " + i + " of the performance probe");
                v.put("statuscode", i % 10 == 0 ? 2 : 1);
                v.put("statecode", i % 10 == 0 ? 1 : 0);
                batch.add(new Mutation.Put(row("sensei_project", UUID.nameUUIDFromBytes(("project" + i).getBytes()),
                        "Project " + i, team(program), bus[program % BUS], v)));
                if (batch.size() == 5_000) { store.apply(batch); batch.clear(); }
            }
            if (!batch.isEmpty()) store.apply(batch);
            assertThat(store.count("sensei_project")).isEqualTo(projects);

            Caller user = Caller.of(UUID.nameUUIDFromBytes("user".getBytes()), bus[0]);
            ReadAccess bu = scoped((caller, table) -> new ReadScope(table, false, Set.of(caller.userId(), team(0), team(10)),
                    Set.of(bus[0]), Set.of(), Set.of()));
            QueryFixture lab = new QueryFixture(false);
            QueryEngine engine = lab.engine(bu, store, store);
            ApiResponse check = engine.get(user, QUERY, Map.of());
            assertThat(json(check).path("value").size()).isEqualTo(50);
            System.out.printf("[%d projects] plan: %s%n", projects,
                    engine.explain(user, table("sensei_project"), lab.parser.parse("sensei_projects", "$filter=statuscode%20eq%201").options()));
            double[] list = time(() -> engine.get(user, QUERY, Map.of()));
            var parsed = lab.parser.parse("sensei_projects", QUERY.substring(QUERY.indexOf('?') + 1)).options();
            double[] rows = time(() -> engine.rows(user, table("sensei_project"), parsed, 50));
            double[] gets = time(() -> { for (int i = 0; i < 55; i++) store.get("sensei_project", UUID.nameUUIDFromBytes(("project" + i).getBytes())); });
            System.out.printf("   [%d] full query p50 %.1f us; plan+execute without JSON p50 %.1f us; 55 store gets p50 %.1f us%n",
                    projects, list[1], rows[1], gets[1]);
            String apply = "sensei_programs(" + bigProgram + ")/sensei_project_sensei_program?$apply=" + URLEncoder.encode(
                    "groupby((sensei_program/sensei_programid),aggregate(sensei_effortremaining with sum as total))", StandardCharsets.UTF_8);
            ApiResponse a = engine.get(user, apply, Map.of());
            assertThat(json(a).path("value").get(0).path("total").isNumber()).isTrue();
            double[] agg = time(() -> engine.get(user, apply, Map.of()));
            return new double[] {list[0], list[1], list[2], agg[0], agg[1], agg[2]};
        }
    }

    private static UUID team(int program) { return UUID.nameUUIDFromBytes(("team" + program).getBytes()); }

    private static Row row(String table, UUID id, String name, UUID team, UUID bu, Map<String, Object> extra) {
        Map<String, Object> v = new HashMap<>(extra);
        v.put("sensei_name", name);
        v.put("ownerid", new EntityRef("team", team));
        v.put("owningteam", new EntityRef("team", team));
        v.put("owningbusinessunit", new EntityRef("businessunit", bu));
        v.put("createdon", Instant.parse("2025-01-06T08:00:00Z"));
        v.put("versionnumber", 1L);
        v.putIfAbsent("statecode", 0);
        v.putIfAbsent("statuscode", 1);
        return new Row(table, id, v);
    }

    private static long gcMillis() {
        long t = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) t += gc.getCollectionTime();
        return t;
    }

    /** mean, p50, p99 in microseconds, after a warm-up of 3 seconds. */
    private static double[] time(Runnable query) {
        long end = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < end) query.run();
        int n = 5_000;
        long gcBefore = gcMillis();
        long[] samples = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            query.run();
            samples[i] = System.nanoTime() - t0;
        }
        System.out.printf("   gc during %d samples: %d ms; heap max %d MB%n", n, gcMillis() - gcBefore, Runtime.getRuntime().maxMemory() >> 20);
        Arrays.sort(samples);
        double mean = Arrays.stream(samples).average().orElse(0) / 1000.0;
        return new double[] {mean, samples[n / 2] / 1000.0, samples[n * 99 / 100] / 1000.0};
    }
}
