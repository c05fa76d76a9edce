package io.ppmlab.reports.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Expected intervals computed independently with SciPy 1.17 (stats.ttest_1samp / ttest_ind(equal_var=False) / ttest_rel). */
class TIntervalsTest {
    @Test
    void meanOfOneToFive() {
        Interval i = TIntervals.mean(new double[]{1, 2, 3, 4, 5}, 0.95);
        assertThat(i.estimate()).isEqualTo(3.0);
        assertThat(i.low()).isCloseTo(1.0367568385224428, within(1e-9));
        assertThat(i.high()).isCloseTo(4.963243161477557, within(1e-9));
    }

    @Test
    void welchWithUnequalVariances() {
        Interval i = TIntervals.welchDifference(new double[]{1, 2, 3, 4, 5}, new double[]{2, 4, 6, 8, 10}, 0.95);
        assertThat(i.estimate()).isEqualTo(3.0);
        assertThat(i.low()).isCloseTo(-0.887741643736975, within(1e-6));
        assertThat(i.high()).isCloseTo(6.887741643736975, within(1e-6));
    }

    @Test
    void pairedDifference() {
        double[] a = {10.1, 9.8, 10.4, 10.0, 9.9};
        double[] b = {10.9, 10.5, 11.2, 10.8, 10.6};
        Interval i = TIntervals.pairedDifference(a, b, 0.95);
        assertThat(i.low()).isCloseTo(0.6919912619341737, within(1e-9));
        assertThat(i.high()).isCloseTo(0.8280087380658259, within(1e-9));
        assertThat(i.above(0)).isTrue();
    }

    @Test
    void refusesTooFewSamples() {
        assertThatThrownBy(() -> TIntervals.mean(new double[]{1}, 0.95)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> TIntervals.pairedDifference(new double[]{1, 2}, new double[]{1}, 0.95)).hasMessageContaining("differ in length");
    }
}
