package io.ppmlab.emulator.query.index;

import io.ppmlab.emulator.store.ChronicleStore;
import io.ppmlab.emulator.store.MemoryStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.emulator.store.StoreOptions;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The indexes after random batches (creates, updates that move rows between buckets, deletes, one row written several
 * times in a batch, batches that fail) equal indexes computed afresh from the store's rows.
 */
class IndexedStorePropertyTest {
    private static final Schema SCHEMA = SchemaLoader.loadDefault();
    private static final String TABLE = "sensei_resourcedemand";

    @Property(tries = 60)
    void batchesKeepTheIndexEqualToARebuild(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int batch) {
        runRounds(new MemoryStore(SCHEMA), seed, batch);
    }

    @Test
    void overTheChronicleStoreWhoseWriteReportsTheOldRows() throws IOException {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "indexed");
        try (ChronicleStore chronicle = new ChronicleStore(dir, SCHEMA, StoreOptions.defaults())) {
            runRounds(chronicle, 42, 2_000);
        }
    }

    private static void runRounds(Store inner, long seed, int batch) {
        Random rng = new Random(seed);
        List<UUID> projects = pool(rng, 6);
        List<UUID> resources = pool(rng, 4);
        List<UUID> ids = pool(rng, 3 * batch);
        IndexedStore store = new IndexedStore(inner, SCHEMA);
        // rows written before the index exists: the scan that builds it must file each under its keys
        List<Mutation> first = new ArrayList<>();
        for (int i = 0; i < 1 + rng.nextInt(2 * batch); i++) {
            first.add(new Mutation.Put(row(ids.get(rng.nextInt(ids.size())), rng.nextInt(4) == 0 ? null : projects.get(rng.nextInt(projects.size())),
                    resources.get(rng.nextInt(resources.size())))));
        }
        store.apply(first);
        store.index(TABLE).orElseThrow();
        assertIndexMatchesRows(store, projects, resources);
        for (int round = 0; round < 8; round++) {
            List<Mutation> m = new ArrayList<>();
            int n = 1 + rng.nextInt(batch);
            for (int i = 0; i < n; i++) {
                UUID id = ids.get(rng.nextInt(ids.size()));
                if (rng.nextInt(5) == 0) m.add(new Mutation.Delete(TABLE, id));
                else m.add(new Mutation.Put(row(id, rng.nextInt(4) == 0 ? null : projects.get(rng.nextInt(projects.size())),
                        resources.get(rng.nextInt(resources.size())))));
            }
            if (rng.nextInt(4) == 0) {
                // a batch the store refuses half-way: nothing of it may stay in the index
                m.add(new Mutation.Put(new Row(TABLE, UUID.randomUUID(), Map.of("sensei_nosuchcolumn", "x"))));
                assertThatThrownBy(() -> store.apply(m)).isInstanceOf(IllegalArgumentException.class);
            } else {
                store.apply(m);
            }
            assertIndexMatchesRows(store, projects, resources);
        }
    }

    private static void assertIndexMatchesRows(IndexedStore store, List<UUID> projects, List<UUID> resources) {
        TableIndex index = store.index(TABLE).orElseThrow();
        Map<String, Map<UUID, TreeSet<UUID>>> truth = new HashMap<>();
        TreeSet<UUID> all = new TreeSet<>();
        store.scan(TABLE, r -> {
            all.add(r.id());
            for (String column : List.of("sensei_project", "sensei_bookableresource")) {
                EntityRef ref = r.ref(column);
                if (ref != null) truth.computeIfAbsent(column, k -> new HashMap<>()).computeIfAbsent(ref.id(), k -> new TreeSet<>()).add(r.id());
            }
        });
        assertThat(walk(index.all())).containsExactlyElementsOf(all);
        assertThat(index.size()).isEqualTo(all.size());
        for (UUID p : projects) {
            assertThat(walk(index.bucket("sensei_project", p))).as("project bucket")
                    .containsExactlyElementsOf(truth.getOrDefault("sensei_project", Map.of()).getOrDefault(p, new TreeSet<>()));
        }
        for (UUID r : resources) {
            assertThat(walk(index.bucket("sensei_bookableresource", r))).as("resource bucket")
                    .containsExactlyElementsOf(truth.getOrDefault("sensei_bookableresource", Map.of()).getOrDefault(r, new TreeSet<>()));
        }
    }

    private static List<UUID> walk(IdSet set) {
        List<UUID> out = new ArrayList<>();
        set.after(null).forEachRemaining(out::add);
        assertThat(out).hasSize(set.size());
        return out;
    }

    private static Row row(UUID id, UUID project, UUID resource) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (project != null) v.put("sensei_project", new EntityRef("sensei_project", project));
        v.put("sensei_bookableresource", new EntityRef("bookableresource", resource));
        v.put("sensei_date", LocalDate.of(2027, 1, 4));
        v.put("sensei_hours", BigDecimal.valueOf(8));
        return new Row(TABLE, id, v);
    }

    private static List<UUID> pool(Random rng, int n) {
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new UUID(rng.nextLong(), rng.nextLong()));
        return out;
    }
}
