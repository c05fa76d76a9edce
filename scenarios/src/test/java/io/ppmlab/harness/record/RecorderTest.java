package io.ppmlab.harness.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The recorder's figures: percentiles, expected refusals and throttling apart from errors, the per-second series. */
class RecorderTest {
    @TempDir
    Path tmp;

    @Test
    void percentilesStatusesAndSeries() throws Exception {
        Recorder r = new Recorder();
        r.declare("a.list", "p", Set.of(200));
        r.declare("a.refused", "p", Set.of(403));
        long t = System.currentTimeMillis();
        for (int i = 1; i <= 100; i++) r.record("a.list", 200, t, t + i, 10);
        r.record("a.list", 500, t, t + 1, 5);
        r.record("a.list", 429, t, t + 1, 5);
        r.record("a.refused", 403, t, t + 3, 7);
        r.journey("p", false);
        r.journey("p", true);
        r.checkFailed("a.list", "rows 3, expected 4");
        r.write(tmp.resolve("requests.json"));

        JsonNode doc = new ObjectMapper().readTree(tmp.resolve("requests.json").toFile());
        JsonNode list = doc.path("requests").path(0);
        assertThat(list.path("name").asText()).isEqualTo("a.list");
        assertThat(list.path("count").asLong()).isEqualTo(102);
        assertThat(list.path("ok").asLong()).isEqualTo(100);
        assertThat(list.path("errors").path("500").asLong()).isEqualTo(1);
        assertThat(list.path("errors").has("429")).as("a 429 the journey retried is throttling, not an error").isFalse();
        assertThat(list.path("throttled").asLong()).isEqualTo(1);
        assertThat(list.path("throttledGaveUp").asLong()).isZero();
        assertThat(list.path("p50Ms").asDouble()).isBetween(49.0, 51.0);
        assertThat(list.path("p99Ms").asDouble()).isBetween(98.0, 100.1);
        assertThat(list.path("maxMs").asDouble()).isBetween(99.9, 100.1);
        assertThat(list.path("responseBytes").asLong()).isEqualTo(1010);
        assertThat(list.path("series").path(0).path("count").asLong()).as("served answers; the 429 is counted apart").isEqualTo(101);
        assertThat(list.path("series").path(0).path("throttled").asLong()).isEqualTo(1);
        JsonNode refused = doc.path("requests").path(1);
        assertThat(refused.path("expectedRefusals").asLong()).isEqualTo(1);
        assertThat(refused.path("errors").size()).isZero();
        assertThat(doc.path("journeys").path("p").path("failed").asLong()).isEqualTo(1);
        assertThat(doc.path("checkFailures").get(0).asText()).contains("rows 3");
    }

    @Test
    void aRequestStillThrottledAfterItsRetriesIsAnError() throws Exception {
        Recorder r = new Recorder();
        r.declare("b.save", "p", Set.of(200));
        long t = System.currentTimeMillis();
        r.record("b.save", 200, t, t + 40, 10);
        for (int i = 0; i < 3; i++) r.record("b.save", 429, t, t + 1, 5);
        r.gaveUp("b.save", 2);
        r.write(tmp.resolve("requests.json"));

        JsonNode save = new ObjectMapper().readTree(tmp.resolve("requests.json").toFile()).path("requests").path(0);
        assertThat(save.path("count").asLong()).isEqualTo(4);
        assertThat(save.path("ok").asLong()).isEqualTo(1);
        assertThat(save.path("throttled").asLong()).isEqualTo(3);
        assertThat(save.path("throttledGaveUp").asLong()).isEqualTo(1);
        assertThat(save.path("errors").path("429").asLong()).isEqualTo(1);
        assertThat(save.path("p95Ms").asDouble()).as("the refusals stay out of the percentiles").isBetween(39.9, 40.1);
    }

    @Test
    void theWarmUpCountsButStaysOutOfThePercentiles() throws Exception {
        Recorder r = new Recorder(java.time.Duration.ofSeconds(30));
        r.declare("c.list", "p", Set.of(200));
        r.injectionStarts();
        long t = System.currentTimeMillis();
        for (int i = 0; i < 10; i++) r.record("c.list", 200, t, t + 900, 10); // cold: started inside the warm-up
        r.record("c.list", 500, t, t + 900, 10);                              // an error during the warm-up is still an error
        long later = t + 31_000;
        for (int i = 0; i < 100; i++) r.record("c.list", 200, later, later + 2, 10);
        r.write(tmp.resolve("requests.json"));

        JsonNode doc = new ObjectMapper().readTree(tmp.resolve("requests.json").toFile());
        JsonNode list = doc.path("requests").path(0);
        assertThat(doc.path("warmUpSeconds").asDouble()).isEqualTo(30.0);
        assertThat(list.path("count").asLong()).isEqualTo(111);
        assertThat(list.path("warmUpRequests").asLong()).isEqualTo(11);
        assertThat(list.path("errors").path("500").asLong()).isEqualTo(1);
        assertThat(list.path("maxMs").asDouble()).as("the 900 ms warm-up answers are not in the percentiles").isBetween(1.9, 2.1);
        assertThat(list.path("p95Ms").asDouble()).isBetween(1.9, 2.1);
        long cold = 0;
        for (JsonNode p : list.path("series")) if (p.path("p95Ms").asDouble() > 800) cold += p.path("count").asLong();
        assertThat(cold).as("the series keeps the warm-up seconds").isEqualTo(11);
        assertThatThrownBy(() -> new Recorder(java.time.Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUndeclaredNameOrAConflictingDeclarationIsAProgrammingError() {
        Recorder r = new Recorder();
        r.declare("x", "p", Set.of(200));
        assertThatThrownBy(() -> r.declare("x", "p", Set.of(204))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.record("y", 200, 0, 1, 0)).isInstanceOf(IllegalStateException.class);
    }
}
