package io.ppmlab.harness.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `lab measure ...` through picocli at tiny sizes: exit codes and the JSON files' fields. */
class MeasureCommandTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void capacityFillWritesItsFiguresAsJsonAndRemovesItsScratch(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("fill.json");
        int exit = new CommandLine(new MeasureCommand()).execute("capacity-fill", "--resources", "5", "--years", "2", "--json", out.toString());

        assertThat(exit).isZero();
        JsonNode j = json.readTree(Files.readString(out));
        assertThat(j.path("resources").asInt()).isEqualTo(5);
        assertThat(j.path("years").asInt()).isEqualTo(2);
        assertThat(j.path("storage").path("rows").asLong()).isEqualTo(5L * j.path("window").path("days").asInt());
        assertThat(j.path("storage").path("bytes").asLong()).isPositive();
        assertThat(j.path("quotaPerResourceYearKb").asDouble()).isPositive();
        assertThat(j.path("meter").path("documentedKb").asDouble()).isEqualTo(170.0);
        assertThat(j.path("fill").path("millis").isNumber()).isTrue();
        assertThat(j.path("roll").path("written").asLong()).isEqualTo(5);
        assertThat(j.path("machine").path("processors").asInt()).isPositive();
        assertThat(j.path("machine").path("maxHeapBytes").asLong()).isPositive();
        assertThat(j.path("machine").path("javaVersion").asText()).isNotEmpty();
        assertThat(j.path("machine").has("loadAverage1m")).isTrue();
        assertThat(j.has("loadAverageAtEnd")).isTrue();
    }

    @Test
    void planSaveWritesSamplesAndRatiosAsJson(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("save.json");
        Path scratch = dir.resolve("scratch");
        int exit = new CommandLine(new MeasureCommand()).execute("plan-save", "--saves", "1", "--warmups", "0", "--resources", "2", "--months", "1",
                "--data-dir", scratch.toString(), "--json", out.toString());

        assertThat(exit).isZero();
        assertThat(scratch.resolve("emulator")).as("a given --data-dir is kept").isDirectory();
        JsonNode j = json.readTree(Files.readString(out));
        assertThat(j.path("size").path("rows").asInt()).isEqualTo(2 * 31);
        assertThat(j.path("size").path("resourceYears").asDouble()).isEqualTo(2 / 12.0);
        assertThat(j.path("bodyBytes").asLong()).isPositive();
        assertThat(j.path("phases")).hasSize(2);
        JsonNode phase = j.path("phases").get(1);
        assertThat(phase.path("demandIndexed").asBoolean()).isTrue();
        for (String series : new String[] {"httpCreates", "rawCreates", "httpUpdates", "rawUpdates"}) {
            assertThat(phase.path(series).path("n").asInt()).as(series).isEqualTo(1);
            assertThat(phase.path(series).path("medianMs").asDouble()).as(series).isPositive();
            assertThat(phase.path(series).has("p95Ms")).as(series).isTrue();
            assertThat(phase.path(series).has("minMs")).as(series).isTrue();
        }
        for (String ratio : new String[] {"createMedianPairwiseRatio", "updateMedianPairwiseRatio", "createRatioOfMedians", "updateRatioOfMedians"}) {
            assertThat(phase.path(ratio).asDouble()).as(ratio).isPositive();
        }
        assertThat(j.path("machine").path("processors").asInt()).isPositive();
    }

    @Test
    void refusesBadSizesAndANonEmptyDataDir(@TempDir Path dir) throws Exception {
        assertThat(new CommandLine(new MeasureCommand()).execute("plan-save", "--months", "13")).isEqualTo(2);
        assertThat(new CommandLine(new MeasureCommand()).execute("capacity-fill", "--years", "12")).isEqualTo(2);
        Files.writeString(dir.resolve("something"), "x");
        assertThat(new CommandLine(new MeasureCommand()).execute("capacity-fill", "--resources", "1", "--data-dir", dir.toString())).isEqualTo(2);
    }
}
