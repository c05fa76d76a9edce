package io.ppmlab.harness.scale;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The growth exponent on synthetic points of known shape. */
class GrowthFitTest {
    static List<GrowthFit.Point> points(double k) {
        return List.of(1_000L, 5_000L, 10_000L, 20_000L).stream().map(n -> new GrowthFit.Point(n, 2.0 * Math.pow(n, k))).toList();
    }

    @Test
    void constantCostFitsZeroAndPasses() {
        GrowthFit.Fit f = GrowthFit.fit("q", points(0), 0.3);
        assertThat(f.exponent()).isCloseTo(0.0, within(1e-3));
        assertThat(f.holds()).isTrue();
    }

    @Test
    void squareRootGrowthIsNamedAsTooFast() {
        GrowthFit.Fit f = GrowthFit.fit("slow.query", points(0.5), 0.3);
        assertThat(f.exponent()).isCloseTo(0.5, within(1e-3));
        assertThat(f.r2()).isCloseTo(1.0, within(1e-3));
        assertThat(f.holds()).isFalse();
    }

    @Test
    void linearGrowthFitsOne() {
        assertThat(GrowthFit.fit("q", points(1), 0.3).exponent()).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void oneOrNonPositivePointsAreRefused() {
        assertThatThrownBy(() -> GrowthFit.fit("q", List.of(new GrowthFit.Point(1000, 2)), 0.3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GrowthFit.fit("q", List.of(new GrowthFit.Point(1000, 0), new GrowthFit.Point(2000, 1)), 0.3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
