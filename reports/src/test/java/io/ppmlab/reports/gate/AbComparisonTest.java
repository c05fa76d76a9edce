package io.ppmlab.reports.gate;

import io.ppmlab.reports.Fixtures;
import io.ppmlab.reports.Mutations;
import io.ppmlab.reports.results.Results;
import io.ppmlab.reports.results.ResultsReader;
import io.ppmlab.reports.results.UnusableInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AbComparisonTest {
    private final ResultsReader reader = new ResultsReader();
    @TempDir
    Path tmp;

    private List<Results> runs(String... fixtures) {
        List<Results> out = new ArrayList<>();
        for (String f : fixtures) out.add(reader.read(Fixtures.path(f)));
        return out;
    }

    private List<Results> slower(double factor, String... fixtures) {
        List<Results> out = new ArrayList<>();
        for (String f : fixtures) out.add(reader.read(Mutations.copy(f, tmp, f + "-x" + factor, Mutations.slower("pmo-executive", factor))));
        return out;
    }

    @Test
    void aThreeTimesSlowerPersonaIsARegressionWithAnIntervalAboveTheThreshold() {
        List<Judgement> js = new AbComparison().compare(runs("smoke-1", "smoke-2", "smoke-3"), slower(3, "smoke-1", "smoke-2", "smoke-3"), 0.10, 0.95);
        Judgement pmo = js.stream().filter(j -> j.id().equals("personas/pmo-executive/mean")).findFirst().orElseThrow();
        assertThat(pmo.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(pmo.changeLow()).isGreaterThan(0.10);
        assertThat(pmo.change()).isBetween(1.9, 2.1);
        Judgement pm = js.stream().filter(j -> j.id().equals("personas/portfolio-manager/mean")).findFirst().orElseThrow();
        assertThat(pm.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void theSameBuildAgainstItselfRaisesNoRegression() {
        List<Judgement> js = new AbComparison().compare(runs("smoke-1", "smoke-2", "smoke-3"), runs("smoke-4", "smoke-5", "smoke-1"), 0.10, 0.95);
        assertThat(js).noneMatch(j -> j.verdict() == Verdict.REGRESSION);
        assertThat(js).anyMatch(j -> j.kind() == Kind.AB);
        assertThat(js).filteredOn(j -> j.kind() == Kind.DETERMINISTIC).allMatch(j -> j.verdict() == Verdict.PASS);
    }

    @Test
    void oneRoundIsTooFewSamples() {
        assertThatThrownBy(() -> new AbComparison().compare(runs("smoke-1"), runs("smoke-2"), 0.1, 0.95))
                .isInstanceOf(UnusableInput.class).hasMessageContaining("too few samples");
    }
}
