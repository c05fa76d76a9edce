package io.ppmlab.reports.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapTest {
    @Test
    void shiftedSampleGivesAnIntervalAroundTheShift() {
        double[] a = new double[40];
        double[] b = new double[40];
        for (int i = 0; i < 40; i++) {
            a[i] = 10 + (i % 7) * 0.1;
            b[i] = a[i] + 2;
        }
        Interval d = new Bootstrap(2000, 1).medianDifference(a, b, 0.95);
        assertThat(d.estimate()).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(d.low()).isGreaterThan(1.5).isLessThanOrEqualTo(2.0);
        assertThat(d.high()).isLessThan(2.5).isGreaterThanOrEqualTo(2.0);
    }

    @Test
    void sameSeedSameInterval() {
        double[] a = {1, 5, 2, 8, 3, 9, 4};
        double[] b = {2, 6, 1, 7, 5, 3, 8};
        assertThat(new Bootstrap(500, 7).medianDifference(a, b, 0.9)).isEqualTo(new Bootstrap(500, 7).medianDifference(a, b, 0.9));
    }

    @Test
    void identicalSamplesStraddleZero() {
        double[] a = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
        Interval d = new Bootstrap(1000, 3).medianDifference(a, a.clone(), 0.95);
        assertThat(d.estimate()).isZero();
        assertThat(d.low()).isLessThanOrEqualTo(0);
        assertThat(d.high()).isGreaterThanOrEqualTo(0);
    }
}
