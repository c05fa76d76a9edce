package io.ppmlab.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The harness when the emulator misbehaves: one that never listens, and one that dies during the run. Either way the
 * run exits non-zero with a clear message, still writes a valid results.json, and leaves no process running.
 */
class HarnessCleanupTest {
    @TempDir
    Path tmp;

    /** A jar whose manifest starts {@link FakeEmulator} from this module's test classes. */
    private Path fakeJar() throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeEmulator.class.getName());
        Path classes = Path.of(FakeEmulator.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        Path jar = tmp.resolve("fake-emulator.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.flush();
        }
        return jar;
    }

    private Path organisation() throws IOException {
        Path golden = tmp.resolve("golden");
        Files.createDirectories(golden.resolve("tables"));
        Files.writeString(golden.resolve("personas.json"), "{\"password\":\"demo\",\"personas\":[]}");
        Files.writeString(golden.resolve("manifest.json"), "{\"content\":{\"profile\":\"limits\",\"seed\":42,\"rows\":{\"sensei_project\":3}}}");
        return golden;
    }

    @Test
    void anEmulatorThatNeverListensIsReportedWithItsOutput() throws IOException {
        Path data = tmp.resolve("d");
        Files.createDirectories(data);
        List<String> cmd = List.of(ProcessHandle.current().info().command().orElse("java"), "-Dfake.mode=never-listen", "-cp",
                System.getProperty("java.class.path"), FakeEmulator.class.getName(), "--data-dir", data.toString());
        assertThatThrownBy(() -> EmulatorProcess.start(cmd, tmp.resolve("e.log"), Duration.ofSeconds(60)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exited before it listened")
                .hasMessageContaining("cannot open the store");
    }

    @Test
    void anEmulatorThatDiesMidRunFailsTheRunWritesResultsAndLeavesNothingRunning() throws Exception {
        Path out = tmp.resolve("out");
        RunSettings s = new RunSettings(Suite.SMOKE, 1, 20, Duration.ZERO, Duration.ZERO, "limits", List.of(), 42, 3, organisation(), null, out,
                List.of(1L, 2L), "64m", false, false, tmp, fakeJar(), List.of());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int exit = new LabRun(s, new Console(new PrintStream(console, true), false)).execute();

        assertThat(exit).isEqualTo(LabRun.FAILED);
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results.path("run").path("exitCode").asInt()).isEqualTo(1);
        assertThat(results.path("run").path("unexpectedErrors").toString()).contains("emulator");
        assertThat(schema().validate(results)).isEmpty();
        assertThat(console.toString()).contains("FAIL (exit 1)");
        long pid = Long.parseLong(Files.readString(out.resolve("fake.pid")));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the emulator process is gone").isFalse();
    }

    static JsonSchema schema() throws IOException {
        try (InputStream in = HarnessCleanupTest.class.getResourceAsStream("/results.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }
}
