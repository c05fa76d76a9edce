package io.ppmlab.harness.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.schema.SchemaLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The capacity fill at a small size, so `lab measure capacity-fill` keeps working (its full size is 2,000 × 4). */
class CapacityFillTest {
    @Test
    void fillsTheHorizonAndReportsRowsBytesAndQuota(@TempDir Path dir) throws Exception {
        CapacityFillResult r = new CapacityFill(SchemaLoader.loadDefault(), Progress.none(), line -> {}).run(new CapacityFill.Size(20, 4), dir);

        assertThat(r.window().days()).isEqualTo(1461); // 2024-01-06 .. 2028-01-05, one 29 February
        assertThat(r.storage().rows()).isEqualTo(20L * 1461);
        assertThat(r.fill().written()).isEqualTo(20L * 1461);
        assertThat(r.storage().bytes()).isPositive();
        assertThat(r.meter().resourceYears()).isGreaterThan(79.9);
        assertThat(r.quotaPerResourceYearKb()).as("documented 170 KB").isBetween(150.0, 190.0);
        assertThat(r.roll().written()).isEqualTo(20);
        assertThat(r.roll().deleted()).isEqualTo(20);
        assertThat(r.machine().processors()).isPositive();
        assertThat(r.toText()).contains("fill: 20 resources × 4 years", "quota", "roll forward one day");

        JsonNode json = new ObjectMapper().readTree(r.toJson());
        assertThat(json.path("storage").path("rows").asLong()).isEqualTo(20L * 1461);
        assertThat(json.path("storage").path("realKbPerResourceYear").asDouble()).isPositive();
        assertThat(json.path("fill").path("store").path("applies").asLong()).isPositive();
    }
}
