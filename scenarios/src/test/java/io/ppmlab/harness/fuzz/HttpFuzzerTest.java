package io.ppmlab.harness.fuzz;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ppmlab.emulator.server.Emulator;
import io.ppmlab.emulator.server.ServerConfig;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP fuzzer: a short run against a real emulator finds nothing, and each of its checks fires on a server planted with that fault. */
class HttpFuzzerTest {
    private static final Schema SCHEMA = SchemaLoader.loadDefault();

    @Test
    void aShortRunAgainstTheRealEmulatorPasses(@TempDir Path dir) {
        try (Emulator emulator = Emulator.start(ServerConfig.defaults(dir).withDataset("demo"), line -> {})) {
            String url = "http://127.0.0.1:" + emulator.port();
            FuzzReport report = new HttpFuzzer(new HttpFuzzer.Settings(url, 7, Duration.ofSeconds(4), Duration.ofSeconds(10)), SCHEMA, line -> {}).run();
            assertThat(report.failures()).as(report.summary()).isEmpty();
            assertThat(report.passed()).isTrue();
            assertThat(report.requests()).isGreaterThan(20);
            assertThat(report.distinctInputs()).isGreaterThan(report.requests() / 2);
            assertThat(report.statuses().keySet()).anyMatch(s -> s >= 200 && s < 300).anyMatch(s -> s >= 400 && s < 500);
            assertThat(report.refusedWritesChecked()).isPositive();
            assertThat(report.rowsBefore()).containsKey("sensei_project").containsKey("systemuser");
        }
    }

    @Test
    void theSameSeedSendsTheSameRequests() {
        java.util.Map<String, java.util.List<java.util.UUID>> ids = java.util.Map.of();
        RequestGenerator a = new RequestGenerator(42, SCHEMA, ids, java.util.List.of("t"), java.util.List.of(java.util.UUID.randomUUID()));
        RequestGenerator b = new RequestGenerator(42, SCHEMA, ids, java.util.List.of("t"), java.util.List.of(java.util.UUID.randomUUID()));
        for (int i = 0; i < 200; i++) {
            FuzzRequest x = a.next();
            FuzzRequest y = b.next();
            // impersonation ids differ between the two lists; everything else is the seed's
            if (x.headers().stream().noneMatch(h -> h.getKey().contains("Caller"))) assertThat(x.wire("h")).isEqualTo(y.wire("h"));
        }
    }

    @Test
    void failuresAreKeyedByTheirPathShape() {
        FuzzRequest mangled = new FuzzRequest("k", "GET", "/api/data/v9.2/sensei_projects(123)/x?$filter=%zz", java.util.List.of(), new byte[0]);
        FuzzRequest odd = new FuzzRequest("k", "GET", "/api/data/v9.2/%%%((/x", java.util.List.of(), new byte[0]);
        FuzzRequest outside = new FuzzRequest("k", "GET", "/api/dataE/v9.2/x", java.util.List.of(), new byte[0]);
        assertThat(AnswerCheck.signature("c", mangled, 400)).isEqualTo("c | 400 | GET /api/data/v9.2/sensei_projects...");
        assertThat(AnswerCheck.signature("c", odd, 400)).isEqualTo("c | 400 | GET /api/data/v9.2/<odd>...");
        assertThat(AnswerCheck.signature("c", outside, 404)).isEqualTo("c | 404 | GET <outside /api/data>");
        assertThat(outside.underApi()).isFalse();
    }

    @Test
    void everyCheckFiresOnAServerPlantedWithItsFault() throws IOException {
        AtomicInteger refusedCreates = new AtomicInteger();
        // every table the administrator reads shows how many refused creates there were
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getRawPath();
            boolean harness = ex.getRequestHeaders().containsKey("x-lab-request-name");
            String method = ex.getRequestMethod();
            if (harness && path.contains("/oauth2/")) answer(ex, 200, "{\"access_token\":\"t\"}");
            else if (harness) answer(ex, 200, "{\"value\":[],\"n\":" + refusedCreates.get() + "}");
            else if (method.equals("POST") && !path.contains("$batch")) {
                refusedCreates.incrementAndGet(); // planted: a refused create that still wrote
                answer(ex, 400, "{\"error\":{\"code\":\"0x1\",\"message\":\"refused\"}}");
            } else if (method.equals("PATCH")) {
                sleep(); // planted: a hang
                answer(ex, 204, "");
            } else if (method.equals("DELETE")) answer(ex, 404, "<html>not found</html>"); // planted: not Dataverse's shape
            else answer(ex, 500, "{\"error\":{\"code\":\"0x80040216\",\"message\":\"boom\"}}"); // planted: 500
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            FuzzReport report = new HttpFuzzer(new HttpFuzzer.Settings(url, 3, Duration.ofSeconds(4), Duration.ofMillis(300)), SCHEMA, line -> {}).run();
            assertThat(report.passed()).isFalse();
            assertThat(report.failures()).extracting(FuzzReport.Failure::signature)
                    .anyMatch(s -> s.startsWith("server error 500 | 500 |"))
                    .anyMatch(s -> s.startsWith("error answer is not JSON | 404 | DELETE"))
                    .anyMatch(s -> s.startsWith("no answer in time | 0 | PATCH"))
                    .anyMatch(s -> s.startsWith("refused write changed ") && s.contains(" | 400 | POST /api/data/v9.2/"));
            assertThat(report.failures()).allMatch(f -> f.count() >= 1 && !f.example().isEmpty());
        } finally {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", body.startsWith("<") ? "text/html" : "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
