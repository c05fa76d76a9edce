package io.ppmlab.reports.gate;

import io.ppmlab.reports.Fixtures;
import io.ppmlab.reports.Mutations;
import io.ppmlab.reports.results.Results;
import io.ppmlab.reports.results.ResultsReader;
import io.ppmlab.reports.results.UnusableInput;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineComparisonTest {
    private final ResultsReader reader = new ResultsReader();
    private final BaselineComparison comparison = new BaselineComparison();
    @TempDir
    Path tmp;

    private BaselineFile baselineOfThreeRuns() {
        return new BaselineBuilder().build(List.of(read("smoke-1"), read("smoke-2"), read("smoke-3")), "test");
    }

    private Results read(String fixture) {
        return reader.read(Fixtures.path(fixture));
    }

    private static Map<String, Judgement> byId(List<Judgement> js) {
        return js.stream().collect(Collectors.toMap(Judgement::id, j -> j));
    }

    @Test
    void anotherRunOfTheSameBuildPasses() {
        List<Judgement> js = comparison.compare(baselineOfThreeRuns(), read("smoke-4"));
        assertThat(js).filteredOn(j -> j.verdict() == Verdict.REGRESSION).isEmpty();
        assertThat(js).filteredOn(j -> j.kind() == Kind.DETERMINISTIC).allMatch(j -> j.verdict() == Verdict.PASS);
        assertThat(js).filteredOn(j -> j.kind() == Kind.RATIO).isNotEmpty();
        assertThat(GateOutcome.judged("baseline", "b", "c", js).exitCode()).isEqualTo(GateOutcome.PASS);
    }

    @Test
    void tenTimesTheRowsAndAThreeTimesSlowerPersonaAreCaught() {
        Map<String, Judgement> js = byId(comparison.compare(baselineOfThreeRuns(), read("smoke-regressed")));
        Judgement rows = js.get("server/pm.projects.list/rowsRead");
        assertThat(rows.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(rows.kind()).isEqualTo(Kind.DETERMINISTIC);
        assertThat(rows.change()).isEqualTo(9.0);
        Judgement pmo = js.get("personas/pmo-executive/mean");
        assertThat(pmo.kind()).isEqualTo(Kind.RATIO);
        assertThat(pmo.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(js.get("server/pu.tasks.mine/rowsRead").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void deterministicFiguresAreExactAndRatioBoundsComeFromNoise() {
        BaselineFile b = baselineOfThreeRuns();
        BaselineFigure count = b.figures().stream().filter(f -> f.id().equals("requests/pm.projects.list/count")).findFirst().orElseThrow();
        assertThat(count.relativeTolerance()).isZero();
        assertThat(b.noise().runs()).isEqualTo(3);
        assertThat(b.noise().pooledSdOfLog()).isPositive();
        assertThat(b.figures()).filteredOn(f -> f.kind() == Kind.RATIO).allSatisfy(f -> {
            double[] repeats = f.repeats().stream().mapToDouble(Double::doubleValue).toArray();
            assertThat(repeats).hasSize(3);
            // never below the floor, never tighter than the figure's own measured noise
            assertThat(f.bound()).isGreaterThanOrEqualTo(BaselineBuilder.FLOOR)
                    .isGreaterThanOrEqualTo(Math.expm1(BaselineBuilder.K * io.ppmlab.reports.stats.LogNoise.sdOfLog(repeats)) - 1e-12);
        });
        assertThat(b.noise().rule()).contains("calibration", "share", "jmh");
    }

    @Test
    void aSingleEarlierRunGivesTheUnmeasuredBound() {
        BaselineFile b = new BaselineBuilder().build(List.of(read("smoke-1")), "one");
        assertThat(b.figures()).filteredOn(f -> f.kind() == Kind.RATIO).allMatch(f -> f.bound() == BaselineBuilder.UNMEASURED_BOUND);
        assertThat(b.noise().pooledSdOfLog()).isNull();
    }

    @Test
    void oneMoreRequestIsARegressionAndAnErrorStatusNeverSeenIsJudgedAgainstZero() {
        Path changed = Mutations.copy("smoke-4", tmp, "changed", root -> {
            ObjectNode q = (ObjectNode) root.withArray("requests").get(0);
            q.put("count", q.get("count").asLong() + 1);
            ((ObjectNode) root.withArray("requests").get(3).get("errors")).put("500", 2);
        });
        Map<String, Judgement> js = byId(comparison.compare(baselineOfThreeRuns(), reader.read(changed)));
        assertThat(js.get("requests/pm.projects.list/count").verdict()).isEqualTo(Verdict.REGRESSION);
        Judgement e500 = js.get("requests/pu.tasks.mine/errors/500");
        assertThat(e500.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(e500.baseline()).isZero();
    }

    @Test
    void fewerRowsReadIsAnImprovementNotAFailure() {
        Path changed = Mutations.copy("smoke-4", tmp, "fewer", root -> ((ObjectNode) root.path("server").withArray("requests").get(0)).put("rowsRead", 1));
        Judgement j = byId(comparison.compare(baselineOfThreeRuns(), reader.read(changed))).get("server/pm.projects.list/rowsRead");
        assertThat(j.verdict()).isEqualTo(Verdict.IMPROVED);
    }

    @Test
    void aLimitThatStopsPassingIsARegression() {
        Path changed = Mutations.copy("smoke-4", tmp, "limit", root -> ((ObjectNode) root.withArray("limits").get(0)).put("verdict", "fail"));
        Judgement j = byId(comparison.compare(baselineOfThreeRuns(), reader.read(changed))).get("limits/projects-5000/verdict");
        assertThat(j.verdict()).isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void otherSuiteOrDatasetOrNoCalibrationIsUnusable() {
        BaselineFile b = baselineOfThreeRuns();
        Path suite = Mutations.copy("smoke-4", tmp, "suite", root -> ((ObjectNode) root.get("run")).put("suite", "limits"));
        assertThatThrownBy(() -> comparison.compare(b, reader.read(suite))).isInstanceOf(UnusableInput.class).hasMessageContaining("different suite");
        Path data = Mutations.copy("smoke-4", tmp, "data", root -> ((ObjectNode) root.get("dataset")).put("rowsHash", "sha256:other"));
        assertThatThrownBy(() -> comparison.compare(b, reader.read(data))).isInstanceOf(UnusableInput.class).hasMessageContaining("different dataset");
        Path calib = Mutations.copy("smoke-4", tmp, "calib", root -> root.remove("calibration"));
        assertThatThrownBy(() -> comparison.compare(b, reader.read(calib))).isInstanceOf(UnusableInput.class).hasMessageContaining("no calibration");
    }
}
