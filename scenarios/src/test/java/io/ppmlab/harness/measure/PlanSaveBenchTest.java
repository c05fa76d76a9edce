package io.ppmlab.harness.measure;

import io.ppmlab.schema.SchemaLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan-save bench at a tiny size (3 resources × January, 2 saves per series), so `lab measure plan-save` keeps working. */
class PlanSaveBenchTest {
    @Test
    void pairsHttpSavesWithRawAppliesInBothPhases(@TempDir Path dir) throws Exception {
        PlanSaveBench.Size size = new PlanSaveBench.Size(3, 1, 2, 1);
        PlanSaveResult r = new PlanSaveBench(SchemaLoader.loadDefault(), Progress.none()).run(size, dir);

        assertThat(size.rows()).isEqualTo(3 * 31);
        assertThat(size.resourceYears()).isEqualTo(0.25);
        assertThat(r.bodyBytes()).isGreaterThan(3 * 31 * 60);
        assertThat(r.phases()).extracting(PlanSaveResult.Phase::demandIndexed).containsExactly(false, true);
        for (PlanSaveResult.Phase p : r.phases()) {
            for (Samples s : new Samples[] {p.httpCreates(), p.rawCreates(), p.httpUpdates(), p.rawUpdates()}) {
                assertThat(s.n()).isEqualTo(2);
                assertThat(s.minMs()).isPositive();
                assertThat(s.medianMs()).isBetween(s.minMs(), s.p95Ms());
            }
            assertThat(p.createMedianPairwiseRatio()).isPositive().isFinite();
            assertThat(p.updateMedianPairwiseRatio()).isPositive().isFinite();
            assertThat(p.createRatioOfMedians()).isPositive().isFinite();
            assertThat(p.updateRatioOfMedians()).isPositive().isFinite();
        }
        assertThat(r.toText()).contains("demand table not indexed yet", "demand table indexed", "target at most 3×");
    }

    @Test
    void refusesAPlanAboveTheSaveLimit() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PlanSaveBench.Size(91, 6, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("45 resource-years");
    }
}
