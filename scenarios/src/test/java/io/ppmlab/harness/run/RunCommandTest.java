package io.ppmlab.harness.run;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code run}'s knobs after defaults, and its refusals of knobs that make no sense. */
class RunCommandTest {
    @TempDir
    Path tmp;
    private String previousJar;

    @BeforeEach
    void aJar() throws Exception {
        previousJar = System.getProperty("lab.emulatorJar");
        System.setProperty("lab.emulatorJar", Files.createFile(tmp.resolve("emulator.jar")).toString());
    }

    @AfterEach
    void restore() {
        if (previousJar == null) System.clearProperty("lab.emulatorJar");
        else System.setProperty("lab.emulatorJar", previousJar);
    }

    private static RunSettings settings(String... args) {
        RunCommand c = new RunCommand();
        new CommandLine(c).parseArgs(args);
        return c.settings();
    }

    @Test
    void pacedSuitesWarmUpFifteenSecondsByDefaultAndOthersNot() {
        RunSettings load = settings("--suite", "load", "--duration", "30s");
        assertThat(load.warmUp()).isEqualTo(Duration.ofSeconds(15));
        assertThat(load.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(load.knobs()).containsEntry("warmUpSeconds", 15L);
        assertThat(settings("--suite", "soak", "--warm-up", "PT1M").warmUp()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings("--suite", "load", "--warm-up", "0s").warmUp()).isZero();
        RunSettings limits = settings();
        assertThat(limits.warmUp()).isZero();
        assertThat(limits.knobs().get("warmUpSeconds")).isNull();
    }

    @Test
    void aWarmUpThatMakesNoSenseIsRefusedByName() {
        assertThatThrownBy(() -> settings("--suite", "limits", "--warm-up", "10s")).hasMessageContaining("--warm-up is for the load and soak suites");
        assertThatThrownBy(() -> settings("--suite", "load", "--warm-up", "-5s")).hasMessageContaining("--warm-up takes");
        assertThatThrownBy(() -> settings("--suite", "load", "--warm-up", "PT-5S")).hasMessageContaining("--warm-up takes");
        assertThatThrownBy(() -> settings("--suite", "load", "--duration", "soon")).hasMessageContaining("--duration takes");
    }
}
