package io.ppmlab.reports.jmh;

import io.ppmlab.reports.Fixtures;
import io.ppmlab.reports.results.UnusableInput;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class JmhParserTest {
    private final JmhParser parser = new JmhParser();

    @Test
    void readsScoresErrorsAndAllocation() {
        List<JmhBenchmark> all = parser.parse(Fixtures.path("jmh/jmh-gc.json"));
        assertThat(all).extracting(JmhBenchmark::key)
                .containsExactly("ReferenceBenchmark.consumeCpu", "QueryBenchmark.respond[projects=5000]", "TokenBenchmark.verifyCached");
        JmhBenchmark query = all.get(1);
        assertThat(query.primary().score()).isEqualTo(2.6);
        assertThat(query.primary().scoreError()).isEqualTo(0.3);
        assertThat(query.primary().low()).isCloseTo(2.3, within(1e-12));
        assertThat(query.primary().raw()).containsExactly(2.5, 2.6, 2.7);
        // older JMH prefixes profiler metrics with a middle dot; both spellings read the same
        assertThat(query.allocationPerOp()).hasValueSatisfying(m -> assertThat(m.score()).isEqualTo(812345.0));
        assertThat(all.get(0).allocationPerOp()).isPresent();
        assertThat(query.secondary().get("gc.alloc.rate").scoreError()).isNaN();
        assertThat(query.secondsPerOp()).isCloseTo(2.6e-3, within(1e-15));
    }

    @Test
    void nanAndInfinityStringsAndMissingSecondaryMetrics() {
        List<JmhBenchmark> all = parser.parse(Fixtures.path("jmh/jmh-strings.json"));
        JmhBenchmark query = all.get(1);
        assertThat(query.primary().score()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(query.primary().scoreError()).isNaN();
        assertThat(query.primary().hasInterval()).isFalse();
        JmhBenchmark token = all.get(2);
        assertThat(token.primary().score()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(token.secondary()).isEmpty();
        assertThat(token.allocationPerOp()).isEmpty();
    }

    @Test
    void throughputIsInvertedToSecondsPerOp() {
        JmhBenchmark token = parser.parse(Fixtures.path("jmh/jmh-gc.json")).get(2);
        assertThat(token.mode()).isEqualTo("thrpt");
        assertThat(token.secondsPerOp()).isCloseTo(1 / 1_500_000.0, within(1e-15));
    }

    @Test
    void refusesWhatIsNotJmh() throws Exception {
        ObjectMapper m = new ObjectMapper();
        assertThatThrownBy(() -> parser.parse(m.readTree("{\"benchmark\":\"x\"}"))).isInstanceOf(UnusableInput.class);
        assertThatThrownBy(() -> parser.parse(m.readTree("[{\"mode\":\"avgt\"}]"))).isInstanceOf(UnusableInput.class);
        assertThatThrownBy(() -> parser.parse(m.readTree("[{\"benchmark\":\"a.B.c\",\"primaryMetric\":{\"score\":\"fast\"}}]")))
                .isInstanceOf(UnusableInput.class).hasMessageContaining("fast");
        assertThat(parser.parse(m.readTree("[]"))).isEmpty();
    }
}
