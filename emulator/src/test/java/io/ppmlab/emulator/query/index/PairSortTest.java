package io.ppmlab.emulator.query.index;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PairSort} puts interleaved id halves in {@link UUID#compareTo} order, as sorting the UUIDs does. */
class PairSortTest {

    @Property(tries = 300)
    void sortsLikeUuidCompareTo(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5000) int n) {
        Random rng = new Random(seed);
        List<UUID> ids = new ArrayList<>();
        // few distinct most-significant halves make ties on the first half, which the second must break
        for (int i = 0; i < n; i++) ids.add(new UUID(rng.nextInt(1 + n / 10) - n / 20, rng.nextLong()));
        long[] pairs = IdSet.pairs(ids);
        PairSort.sort(pairs, n);
        ids.sort(null);
        assertThat(pairs).containsExactly(IdSet.pairs(ids));
    }
}
