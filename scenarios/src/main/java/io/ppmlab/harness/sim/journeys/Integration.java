package io.ppmlab.harness.sim.journeys;

import io.gatling.javaapi.core.ChainBuilder;
import io.ppmlab.harness.sim.Api;
import io.ppmlab.harness.sim.Fixtures;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The integration application user (client credentials): an external execution tool's nightly sync of one project's
 * tasks, {@code UpsertMultiple} of 100 tasks then a {@code $batch} change set updating {@code batchOperations} of them
 * (100 to 1,000), every part of which must answer 204. Task ids are name-based, so every run upserts the same rows.
 */
public record Integration(Api api, Fixtures fixtures) implements Journey {
    public static final String PERSONA = "integration";
    static final int UPSERTS = 100;

    @Override public String persona() { return PERSONA; }

    @Override public List<Map<String, Object>> users() {
        return List.of(Map.of("clientId", fixtures.integration().clientId(), "clientSecret", fixtures.integration().clientSecret()));
    }

    @Override
    public ChainBuilder signIn() {
        return exec(api.raw(PERSONA + ".signin", http(PERSONA + ".signin").post("/common/oauth2/v2.0/token")
                .formParam("grant_type", "client_credentials").formParam("client_id", "#{clientId}")
                .formParam("client_secret", "#{clientSecret}").formParam("scope", api.scope())
                .check(jsonPath("$.access_token").saveAs("token")), 200));
    }

    @Override public int requests() { return 2; }

    @Override
    public ChainBuilder iteration() {
        Fixtures.Integration f = fixtures.integration();
        int n = Math.max(1, Math.min(1000, f.batchOperations()));
        return exec(api.post("int.tasks.upsert", "sensei_tasks/Microsoft.Dynamics.CRM.UpsertMultiple", upserts(f.project()), 204))
                .exec(api.raw("int.batch.changeset", http("int.batch.changeset").post(Api.ROOT + "$batch")
                                .header("Authorization", "Bearer #{token}")
                                .header("Content-Type", "multipart/mixed; boundary=batch_lab")
                                .body(StringBody(changeSet(n))), 200)
                        .check(bodyString().transform(body -> count(body, "HTTP/1.1 204")).is(n)));
    }

    static String taskId(int i) {
        return UUID.nameUUIDFromBytes(("ppm-lab sync task " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private static String upserts(String project) {
        StringBuilder b = new StringBuilder("{\"Targets\":[");
        for (int i = 0; i < UPSERTS; i++) {
            if (i > 0) b.append(',');
            b.append("{\"@odata.type\":\"Microsoft.Dynamics.CRM.sensei_task\",\"sensei_taskid\":\"").append(taskId(i))
                    .append("\",\"sensei_name\":\"Synced task ").append(i).append("\",\"sensei_percentcomplete\":").append(i % 100)
                    .append(",\"sensei_project@odata.bind\":\"/sensei_projects(").append(project).append(")\"}");
        }
        return b.append("]}").toString();
    }

    /** One change set of {@code n} PATCHes of the synced tasks (ids repeat past 100: later parts see earlier writes). */
    static String changeSet(int n) {
        StringBuilder b = new StringBuilder("--batch_lab\r\nContent-Type: multipart/mixed; boundary=changeset_lab\r\n\r\n");
        for (int i = 0; i < n; i++) {
            b.append("--changeset_lab\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: ").append(i + 1)
                    .append("\r\n\r\nPATCH ").append(Api.ROOT).append("sensei_tasks(").append(taskId(i % UPSERTS)).append(") HTTP/1.1\r\n")
                    .append("Content-Type: application/json\r\n\r\n{\"sensei_percentcomplete\":").append((i * 7) % 100).append("}\r\n");
        }
        return b.append("--changeset_lab--\r\n--batch_lab--\r\n").toString();
    }

    static int count(String text, String needle) {
        int c = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) c++;
        return c;
    }
}
