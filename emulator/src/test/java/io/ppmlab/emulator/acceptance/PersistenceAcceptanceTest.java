package io.ppmlab.emulator.acceptance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows survive a clean restart, and every acknowledged write survives {@code kill -9} of a real emulator process. */
class PersistenceAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

    @Test
    void rowsAndTokensSurviveARestart() {
        String token = lab.adminToken();
        LabHttp.Reply created = lab.http().post(token, "sensei_portfolios", "{\"sensei_name\":\"Durable\"}");
        String entityId = created.header("OData-EntityId");
        String path = entityId.substring(entityId.lastIndexOf('/') + 1);
        lab.restart();
        assertThat(lab.http().get(token, path).json().get("sensei_name").asText())
                .as("the signing key is kept, so a token issued before the restart still verifies").isEqualTo("Durable");
    }

    @Test
    void acknowledgedWritesSurviveKillDashNine() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "kill9");
        for (int round = 0; round < 3; round++) {
            Process process = startProcess(dataDir);
            try {
                LabHttp http = new LabHttp(awaitPort(process));
                String token = http.token("admin@contoso.test", "demo");
                List<String> acknowledged = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    LabHttp.Reply r = http.post(token, "sensei_portfolios", "{\"sensei_name\":\"round " + round + " row " + i + "\"}");
                    assertThat(r.status()).isEqualTo(204);
                    String id = r.header("OData-EntityId");
                    acknowledged.add(id.substring(id.lastIndexOf('/') + 1));
                }
                process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

                Process again = startProcess(dataDir);
                try {
                    LabHttp reopened = new LabHttp(awaitPort(again));
                    String t = reopened.token("admin@contoso.test", "demo");
                    for (String path : acknowledged) {
                        LabHttp.Reply r = reopened.get(t, path + "?$select=sensei_name");
                        assertThat(r.status()).as(path).isEqualTo(200);
                        assertThat(r.json().get("sensei_name").asText()).startsWith("round " + round + " row ");
                    }
                } finally {
                    again.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } finally {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    static Process startProcess(Path dataDir) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(ChronicleFlags.jvmFlags());
        command.addAll(List.of("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "io.ppmlab.emulator.cli.LabCommand",
                "serve", "--port", "0", "--data-dir", dataDir.toString(), "--dataset", "demo"));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    static int awaitPort(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> { try { while (out.readLine() != null) { } } catch (IOException ignored) { } });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("emulator process ended before listening:\n" + seen);
    }
}
