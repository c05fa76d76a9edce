package io.ppmlab.emulator.query.index;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link IdSet} against a {@link TreeSet} of the same ids, through batches and single changes of every size. */
class IdSetTest {

    @Property(tries = 200)
    void behavesLikeASortedSetThroughBatchesOfChanges(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3000) int batch) {
        Random rng = new Random(seed);
        IdSet set = new IdSet();
        TreeSet<UUID> model = new TreeSet<>();
        List<UUID> pool = new ArrayList<>();
        // a small pool of ids makes re-adds, removals of present ids and adds-and-removes of one id frequent
        for (int i = 0; i < 4000; i++) pool.add(new UUID(rng.nextLong() >> rng.nextInt(3), rng.nextLong()));
        for (int round = 0; round < 6; round++) {
            TreeSet<UUID> adds = new TreeSet<>();
            TreeSet<UUID> removes = new TreeSet<>();
            int n = 1 + rng.nextInt(batch);
            for (int i = 0; i < n; i++) adds.add(pool.get(rng.nextInt(pool.size())));
            for (int i = 0; i < n / 2; i++) removes.add(pool.get(rng.nextInt(pool.size())));
            set.update(IdSet.pairs(new ArrayList<>(adds)), IdSet.pairs(new ArrayList<>(removes)));
            model.addAll(adds);
            model.removeAll(removes);
            assertSame(set, model, rng);
        }
    }

    @Test
    void singleAddsAndRemovesKeepOrderAndSize() {
        Random rng = new Random(7);
        IdSet set = new IdSet();
        TreeSet<UUID> model = new TreeSet<>();
        for (int i = 0; i < 5000; i++) {
            UUID id = UUID.randomUUID();
            assertThat(set.add(id)).isEqualTo(model.add(id));
            if (i % 3 == 0) {
                UUID gone = model.isEmpty() ? id : model.first();
                assertThat(set.remove(gone)).isEqualTo(model.remove(gone));
            }
        }
        assertThat(set.add(model.first())).as("re-adding a present id").isFalse();
        assertSame(set, model, rng);
    }

    @Test
    void chunksStayBoundedAfterLargeMergesAndEmptyAfterRemovingEverything() {
        IdSet set = new IdSet();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) ids.add(UUID.randomUUID());
        ids.sort(null);
        set.update(IdSet.pairs(ids), new long[0]);
        assertThat(set.size()).isEqualTo(20_000);
        set.update(new long[0], IdSet.pairs(ids));
        assertThat(set.size()).isZero();
        assertThat(set.after(null).hasNext()).isFalse();
    }

    @Test
    void aReaderKeepsTheSnapshotItStartedWith() {
        IdSet set = new IdSet();
        List<UUID> ids = new ArrayList<>(List.of(new UUID(0, 1), new UUID(0, 2), new UUID(0, 3)));
        set.update(IdSet.pairs(ids), new long[0]);
        Iterator<UUID> walk = set.after(null);
        assertThat(walk.next()).isEqualTo(new UUID(0, 1));
        set.update(new long[0], IdSet.pairs(List.of(new UUID(0, 2))));
        assertThat(walk.next()).as("the walk began before the removal").isEqualTo(new UUID(0, 2));
        assertThat(set.contains(new UUID(0, 2))).isFalse();
    }

    private static void assertSame(IdSet set, TreeSet<UUID> model, Random rng) {
        assertThat(set.size()).isEqualTo(model.size());
        List<UUID> walked = new ArrayList<>();
        set.after(null).forEachRemaining(walked::add);
        assertThat(walked).containsExactlyElementsOf(model);
        List<UUID> probes = new ArrayList<>(model);
        for (int i = 0; i < 50; i++) probes.add(new UUID(rng.nextLong(), rng.nextLong()));
        for (int i = 0; i < Math.min(60, probes.size()); i++) {
            UUID probe = probes.get(rng.nextInt(probes.size()));
            assertThat(set.contains(probe)).isEqualTo(model.contains(probe));
            List<UUID> tail = new ArrayList<>();
            set.after(probe).forEachRemaining(tail::add);
            assertThat(tail).containsExactlyElementsOf(model.tailSet(probe, false));
        }
    }
}
