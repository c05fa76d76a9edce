package io.ppmlab.emulator.cli;

import io.ppmlab.emulator.server.LatencySettings;
import io.ppmlab.emulator.server.PlatformConfig;
import io.ppmlab.emulator.store.LabRegression;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code serve}'s platform flags become the configuration; defaults are Dataverse's. */
class PlatformOptionsTest {
    private static PlatformConfig parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.platform.config();
    }

    @Test
    void defaultsAreDataversesAndStrict() {
        PlatformConfig c = parse();
        assertThat(c.protection().enabled()).isTrue();
        assertThat(c.protection().requests()).isEqualTo(6000);
        assertThat(c.protection().window()).isEqualTo(Duration.ofSeconds(300));
        assertThat(c.protection().executionMs()).isEqualTo(1_200_000);
        assertThat(c.protection().concurrency()).isEqualTo(52);
        assertThat(c.protection().webServers()).isEqualTo(1);
        assertThat(c.latency().mode()).isEqualTo(LatencySettings.Mode.OFF);
        assertThat(c.clock().simulated()).isFalse();
        assertThat(c.metrics()).isTrue();
    }

    @Test
    void everyFlagIsRead() {
        PlatformConfig c = parse("--service-protection", "off", "--sp-requests", "600", "--sp-window", "30s", "--sp-execution-ms", "5000",
                "--sp-concurrency", "4", "--sp-escalation", "250ms", "--web-servers", "3", "--latency", "fixed:12.5",
                "--latency-jitter", "10", "--clock", "simulated", "--start", "2027-01-01T00:00:00Z", "--metrics", "off");
        assertThat(c.protection().enabled()).isFalse();
        assertThat(c.metrics()).isFalse();
        assertThat(c.protection().requests()).isEqualTo(600);
        assertThat(c.protection().window()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.protection().executionMs()).isEqualTo(5000);
        assertThat(c.protection().concurrency()).isEqualTo(4);
        assertThat(c.protection().escalation()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.protection().webServers()).isEqualTo(3);
        assertThat(c.latency().delayMs(99)).isEqualTo(12.5);
        assertThat(c.latency().jitterPercent()).isEqualTo(10);
        assertThat(c.clock().start()).contains(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(parse("--sp-window", "PT5M").protection().window()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void wrongValuesAreNamed() {
        assertThatThrownBy(() -> parse("--start", "2027-01-01T00:00:00Z")).hasMessageContaining("--clock simulated");
        assertThatThrownBy(() -> parse("--latency", "soon")).hasMessageContaining("--latency");
        assertThatThrownBy(() -> parse("--sp-window", "5x")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> parse("--cost-profile", "/no/such/profile.json")).hasMessageContaining("cannot read");
    }

    @Test
    void theTestOnlyRegressionIsOffUnlessAsked() {
        assertThat(parse().regression()).isEqualTo(LabRegression.OFF);
        assertThat(parse("--lab-regression", "rows10x:sensei_portfolio").regression())
                .isEqualTo(new LabRegression.TenfoldRows("sensei_portfolio"));
        assertThat(parse("--lab-regression=sleep:5:sensei_project").regression()).isEqualTo(new LabRegression.Sleep(5, "sensei_project"));
        assertThatThrownBy(() -> parse("--lab-regression", "rows2x:t")).hasMessageContaining("--lab-regression");
    }
}
