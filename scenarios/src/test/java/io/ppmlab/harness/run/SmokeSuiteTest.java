package io.ppmlab.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smoke suite, for real: a small generated organisation, the emulator jar as its own process, every persona's
 * journey in Gatling. Fails when any persona's check fails, a journey fails, or a limit the smoke organisation can show
 * does not hold. Latency assertions are not judged here (a loaded CI machine may miss them; the gate judges timings).
 */
class SmokeSuiteTest {
    @Test
    void everyPersonaCompletesItsJourneyAndTheSmokeLimitsHold() throws Exception {
        Path home = Path.of("..").toAbsolutePath().normalize();
        Path jar = home.resolve("emulator/target/emulator.jar");
        assertThat(jar).as("the emulator jar is packaged before this module's tests (reactor order)").exists();
        Path out = home.resolve("scenarios/target/smoke-test-run");
        if (Files.exists(out)) io.ppmlab.emulator.store.snapshot.DataSnapshot.deleteTree(out);
        RunSettings s = new RunSettings(Suite.SMOKE, 1, 20, Duration.ZERO, Duration.ZERO, "limits", Suite.SMOKE.datasetKnobs, 42, 12, null, null, out,
                List.of(1L, 2L), "1g", false, false, home, jar, List.of());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        new LabRun(s, new Console(new PrintStream(console, true), false)).execute();

        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(HarnessCleanupTest.schema().validate(results)).isEmpty();
        assertThat(results.path("run").path("unexpectedErrors").size()).as(console.toString()).isZero();
        JsonNode journeys = results.path("journeys");
        assertThat(journeys.size()).isEqualTo(6);
        journeys.fields().forEachRemaining(j -> {
            assertThat(j.getValue().path("journeys").asLong()).as(j.getKey()).isPositive();
            assertThat(j.getValue().path("failed").asLong()).as(j.getKey() + " failed journeys").isZero();
        });
        Set<String> mustPass = Set.of("plan-90-resources", "quota-170kb-per-resource-year", "horizon-4y-default-11-max", "groups-250-per-user",
                "fetchxml-500-rows", "workflow-120s", "process-logs-30-days", "service-protection");
        for (JsonNode l : results.path("limits")) {
            if (mustPass.contains(l.path("id").asText())) assertThat(l.path("verdict").asText()).as(l.toString()).isEqualTo("pass");
        }
        for (JsonNode r : results.path("requests")) assertThat(r.path("errors").size()).as(r.path("name").asText()).isZero();
    }
}
