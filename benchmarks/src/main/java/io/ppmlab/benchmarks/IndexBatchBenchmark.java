package io.ppmlab.benchmarks;

import io.ppmlab.emulator.query.index.IndexedStore;
import io.ppmlab.emulator.store.MemoryStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Index upkeep of a 45 resource-year plan save: one batch of 16,290 demand rows (90 resources × 181 days, one
 * project, one owner) applied to a demand table of {@code existing} rows whose query index is built, against the
 * same batch applied to the store alone. Over the in-memory store, so the difference is the index's work
 * ({@code IndexedStore}: collecting the rows' keys, one merge per bucket, settling). Creates use fresh ids (deleted
 * again after each invocation); updates re-save existing rows with other hours (keys unchanged). Milliseconds per
 * batch. Run: {@code java -jar benchmarks/target/benchmarks.jar IndexBatch}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dchronicle.analytics.disable=true", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IndexBatchBenchmark {
    private static final String TABLE = "sensei_resourcedemand";
    private static final int RESOURCES = 90;
    private static final int DAYS = 181;

    @Param({"100000", "430000"})
    public int existing;

    private Store plain;
    private Store indexed;
    private List<Mutation> creates;
    private List<Mutation> deletes;
    private List<Mutation> updates;
    private List<Mutation> updatesBack;
    private boolean flip;

    @Setup(Level.Trial)
    public void setUp() {
        Schema schema = SchemaLoader.loadDefault();
        Random rng = new Random(42);
        EntityRef owner = new EntityRef("team", new UUID(1, 1));
        EntityRef unit = new EntityRef("businessunit", new UUID(2, 2));
        List<EntityRef> resources = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) resources.add(new EntityRef("bookableresource", new UUID(3, i)));
        List<Mutation> rows = new ArrayList<>(existing);
        for (int i = 0; i < existing; i++) {
            EntityRef project = new EntityRef("sensei_project", new UUID(4, i / DAYS / 10));
            rows.add(new Mutation.Put(row(new UUID(rng.nextLong(), rng.nextLong()), project, resources.get(rng.nextInt(resources.size())),
                    owner, unit, LocalDate.of(2027, 1, 1).plusDays(i % DAYS), 8)));
        }
        plain = new MemoryStore(schema);
        plain.apply(rows);
        MemoryStore under = new MemoryStore(schema);
        under.apply(rows);
        IndexedStore withIndex = new IndexedStore(under, schema);
        withIndex.index(TABLE).orElseThrow();
        indexed = withIndex;

        EntityRef project = new EntityRef("sensei_project", new UUID(5, 5));
        creates = new ArrayList<>();
        deletes = new ArrayList<>();
        for (int r = 0; r < RESOURCES; r++) {
            for (int d = 0; d < DAYS; d++) {
                UUID id = new UUID(rng.nextLong(), rng.nextLong());
                creates.add(new Mutation.Put(row(id, project, resources.get(r), owner, unit, LocalDate.of(2027, 1, 1).plusDays(d), 8)));
                deletes.add(new Mutation.Delete(TABLE, id));
            }
        }
        updates = new ArrayList<>();
        updatesBack = new ArrayList<>();
        for (int i = 0; i < RESOURCES * DAYS; i++) {
            Row existingRow = ((Mutation.Put) rows.get(i)).row();
            updates.add(new Mutation.Put(existingRow.with("sensei_hours", BigDecimal.valueOf(7))));
            updatesBack.add(new Mutation.Put(existingRow));
        }
    }

    @TearDown(Level.Invocation)
    public void removeCreated() {
        plain.apply(deletes);
        indexed.apply(deletes);
    }

    @Benchmark
    public void createsStoreOnly() { plain.apply(creates); }

    @Benchmark
    public void createsIndexed() { indexed.apply(creates); }

    @Benchmark
    public void updatesStoreOnly() { plain.apply(nextUpdates()); }

    @Benchmark
    public void updatesIndexed() { indexed.apply(nextUpdates()); }

    private List<Mutation> nextUpdates() {
        flip = !flip;
        return flip ? updates : updatesBack;
    }

    private static Row row(UUID id, EntityRef project, EntityRef resource, EntityRef owner, EntityRef unit, LocalDate date, int hours) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sensei_project", project);
        v.put("sensei_bookableresource", resource);
        v.put("sensei_date", date);
        v.put("sensei_hours", BigDecimal.valueOf(hours));
        v.put("ownerid", owner);
        v.put("owningteam", owner);
        v.put("owningbusinessunit", unit);
        return new Row(TABLE, id, v);
    }
}
