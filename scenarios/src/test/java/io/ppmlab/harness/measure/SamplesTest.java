package io.ppmlab.harness.measure;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SamplesTest {
    @Test
    void upperMedianNearestRankP95AndPairwiseRatios() {
        Samples s = new Samples(List.of(5.0, 1.0, 4.0, 2.0, 3.0, 10.0, 6.0, 7.0, 8.0, 9.0));
        assertThat(s.minMs()).isEqualTo(1.0);
        assertThat(s.medianMs()).isEqualTo(6.0);
        assertThat(s.p95Ms()).isEqualTo(10.0);

        Samples base = new Samples(List.of(1.0, 1.0, 2.0, 1.0, 1.0, 5.0, 3.0, 7.0, 4.0, 9.0));
        // pairwise 5, 1, 2, 2, 3, 2, 2, 1, 2, 1 → sorted 1 1 1 2 2 2 2 2 3 5 → element 5 = 2
        assertThat(s.medianPairwiseRatio(base)).isEqualTo(2.0);
        assertThat(s.ratioOfMedians(base)).isEqualTo(6.0 / 3.0);
    }
}
