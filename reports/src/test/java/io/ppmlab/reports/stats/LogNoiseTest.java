package io.ppmlab.reports.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LogNoiseTest {
    @Test
    void sdOfLogOfDoublings() {
        // ln 1, ln 2, ln 4 = 0, ln2, 2·ln2: standard deviation ln 2 (SciPy: 0.6931471805599453)
        assertThat(LogNoise.sdOfLog(new double[]{1, 2, 4})).isCloseTo(Math.log(2), within(1e-12));
        assertThat(LogNoise.sdOfLog(new double[]{5})).isNaN();
    }

    @Test
    void pooledWeighsByDegreesOfFreedom() {
        // figure 1: sd ln2 with 2 df; figure 2: constant, 0 with 1 df → sqrt(2·ln2² / 3)
        LogNoise.Pooled p = LogNoise.pooled(List.of(new double[]{1, 2, 4}, new double[]{3, 3}, new double[]{7}));
        assertThat(p.degreesOfFreedom()).isEqualTo(3);
        assertThat(p.sd()).isCloseTo(Math.sqrt(2 * Math.log(2) * Math.log(2) / 3), within(1e-12));
    }
}
