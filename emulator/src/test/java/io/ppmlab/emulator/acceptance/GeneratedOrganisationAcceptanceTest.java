package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.datasets.ShippedRoles;
import io.ppmlab.emulator.cli.LabCommand;
import io.ppmlab.emulator.server.Emulator;
import io.ppmlab.emulator.server.ServerConfig;
import io.ppmlab.schema.SchemaLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lab generate} writes a small organisation (the limits profile cut down by knobs) into a fresh data
 * directory; the emulator then serves it, and every persona sample of personas.json (decided by the reference
 * evaluator) holds over HTTP: rows a persona can read come back on a single GET, rows it cannot read are refused
 * with 403, rows it can write accept a PATCH.
 */
class GeneratedOrganisationAcceptanceTest {
    static Path dataDir;
    static Emulator emulator;
    static LabHttp http;
    static JsonNode personas;
    static JsonNode manifest;

    @BeforeAll
    static void generateAndServe() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        dataDir = Files.createTempDirectory(tmp, "lab-generated");
        int exit = new CommandLine(new LabCommand()).execute("generate", "--profile", "limits", "--seed", "7",
                "--projects", "30", "--resources", "12", "--years", "1", "--business-units", "7", "--users", "60",
                "--no-progress", "--data-dir", dataDir.toString());
        assertThat(exit).isZero();
        personas = LabHttp.JSON.readTree(dataDir.resolve("personas.json").toFile());
        manifest = LabHttp.JSON.readTree(dataDir.resolve("manifest.json").toFile());
        emulator = Emulator.start(ServerConfig.defaults(dataDir), line -> {});
        http = new LabHttp(emulator.port());
    }

    @AfterAll
    static void stop() {
        if (emulator != null) emulator.close();
    }

    @Test
    void personasCoverEveryShippedRoleAndHaveSamples() {
        Set<String> roles = new HashSet<>();
        int reads = 0;
        int refusals = 0;
        for (JsonNode p : personas.get("personas")) {
            p.get("roles").forEach(r -> roles.add(r.asText()));
            reads += p.get("canRead").size();
            refusals += p.get("cannotRead").size();
        }
        assertThat(roles).containsAll(ShippedRoles.ALL);
        assertThat(reads).isPositive();
        assertThat(refusals).isPositive();
        assertThat(personas.get("personas").get(0).get("upn").asText()).isEqualTo("admin@contoso.test");
    }

    @Test
    void manifestHasCountsHashAndStorage() {
        JsonNode content = manifest.get("content");
        assertThat(content.get("rows").get("sensei_project").asLong()).isEqualTo(30);
        assertThat(content.get("rows").get("sensei_resourcecapacity").asLong()).isEqualTo(12 * 365);
        assertThat(content.get("rowsSha256").asText()).hasSize(64);
        assertThat(manifest.get("run").get("storage").get("tables").get("sensei_resourcecapacity").get("bytesUsed").asLong()).isPositive();
        assertThat(manifest.get("contentSha256").asText()).hasSize(64);
    }

    @Test
    void adminAndAGeneratedUserSignIn() {
        assertThat(http.token("admin@contoso.test", "demo")).isNotBlank();
        String token = http.token("projectuser.0001@contoso.test", "demo");
        LabHttp.Reply who = http.get(token, "WhoAmI()");
        assertThat(who.status()).isEqualTo(200);
    }

    @TestFactory
    List<DynamicTest> everyPersonaSampleHoldsOverHttp() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode p : personas.get("personas")) {
            String upn = p.get("upn").asText();
            tests.add(DynamicTest.dynamicTest(upn + " " + p.get("roles"), () -> check(p)));
        }
        return tests;
    }

    private static void check(JsonNode persona) throws IOException {
        String token = http.token(persona.get("upn").asText(), personas.get("password").asText());
        List<String> wrong = new ArrayList<>();
        for (JsonNode s : persona.get("canRead")) {
            LabHttp.Reply r = http.get(token, s.get("entitySet").asText() + "(" + s.get("id").asText() + ")");
            if (r.status() != 200) wrong.add("read " + describe(s) + ": " + r.status() + " " + r.body());
        }
        for (JsonNode s : persona.get("cannotRead")) {
            LabHttp.Reply r = http.get(token, s.get("entitySet").asText() + "(" + s.get("id").asText() + ")");
            if (r.status() != 403) wrong.add("refuse " + describe(s) + ": " + r.status() + " " + r.body());
        }
        for (JsonNode s : persona.get("canWrite")) {
            String column = SchemaLoader.loadDefault().table(s.get("table").asText()).orElseThrow().primaryNameColumn();
            String body = LabHttp.JSON.writeValueAsString(Map.of(column, s.get("name").asText()));
            LabHttp.Reply r = http.patch(token, s.get("entitySet").asText() + "(" + s.get("id").asText() + ")", body);
            if (r.status() != 204) wrong.add("write " + describe(s) + ": " + r.status() + " " + r.body());
        }
        assertThat(wrong).as(persona.get("upn").asText()).isEmpty();
    }

    private static String describe(JsonNode s) {
        return s.get("table").asText() + " " + s.get("name").asText() + " (" + s.get("reason").asText() + ")";
    }
}
