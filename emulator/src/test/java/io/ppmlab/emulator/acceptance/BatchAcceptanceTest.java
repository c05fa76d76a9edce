package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.datasets.DemoOrganisation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.ppmlab.emulator.acceptance.BatchMultipart.BOUNDARY;
import static io.ppmlab.emulator.acceptance.BatchMultipart.item;
import static io.ppmlab.emulator.acceptance.BatchMultipart.numbered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code $batch} over HTTP as Dataverse answers it: GETs in order, change sets with Content-ID references in URLs,
 * {@code @odata.bind} and {@code $ref} bodies, rollback of a failed change set, stop-at-first-failure and
 * continue-on-error, and the response format (batchresponse / changesetresponse parts, Location on creates).
 */
class BatchAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();
    static String admin;
    static LabHttp http;

    @BeforeAll
    static void signIn() {
        admin = lab.adminToken();
        http = lab.http();
    }

    static String unique(String prefix) { return prefix + " " + UUID.randomUUID().toString().substring(0, 8); }

    /** Rows of a set whose name is exactly {@code name}, read outside any batch. */
    static JsonNode named(String set, String name) { return namedWith(http, admin, set, name); }

    static JsonNode namedWith(LabHttp http, String token, String set, String name) {
        LabHttp.Reply r = http.get(token, set + "?$select=sensei_name&$filter=sensei_name%20eq%20'" + name.replace(" ", "%20") + "'");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("value");
    }

    static UUID idIn(String entityId) {
        return UUID.fromString(entityId.substring(entityId.lastIndexOf('(') + 1, entityId.length() - 1));
    }

    @Test
    void getsRunInOrderAndEachAnswersAsAlone() {
        UUID project = DemoOrganisation.recordId("sensei_project", "IT Project 1");
        String body = new BatchMultipart()
                .get("/api/data/v9.2/sensei_projects(" + project + ")?$select=sensei_name")
                .get("WhoAmI")
                .get(http.api() + "sensei_portfolios?$select=sensei_name&$top=2")
                .get("/api/data/v9.2/sensei_projects(" + UUID.randomUUID() + ")")
                .build();
        LabHttp.Reply r = http.batch(admin, BOUNDARY, body, "Prefer", "odata.continue-on-error");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).matches("multipart/mixed; boundary=batchresponse_[0-9a-f-]{36}");
        assertThat(r.body()).startsWith("--batchresponse_");
        List<BatchMultipart.Answer> answers = BatchMultipart.answers(r);
        assertThat(answers).extracting(BatchMultipart.Answer::status).containsExactly(200, 200, 200, 404);
        assertThat(answers.get(0).reason()).isEqualTo("OK");
        assertThat(answers.get(0).json().path("sensei_name").asText()).isEqualTo("IT Project 1");
        assertThat(answers.get(0).header("Content-Type")).startsWith("application/json");
        assertThat(answers.get(0).header("OData-Version")).isEqualTo("4.0");
        assertThat(answers.get(1).json().path("UserId").asText()).isEqualTo(DemoOrganisation.userId("admin").toString());
        assertThat(answers.get(2).json().path("value")).hasSize(2);
        assertThat(answers.get(3).reason()).isEqualTo("Not Found");
        assertThat(answers.get(3).json().path("error").path("code").asText()).isEqualTo("0x80040217");
    }

    @Test
    void aChangeSetCreatesRelatedRowsThroughContentIdReferences() {
        String portfolio = unique("Batch portfolio");
        String program = unique("Batch program");
        String body = new BatchMultipart().changeSet(
                        numbered("1", "POST", "/api/data/v9.2/sensei_portfolios", "{\"sensei_name\":\"" + portfolio + "\"}"),
                        numbered("2", "POST", "sensei_programs", "{\"sensei_name\":\"temporary\",\"sensei_portfolio@odata.bind\":\"$1\"}"),
                        numbered("3", "PATCH", "$2", "{\"sensei_name\":\"" + program + "\"}"),
                        numbered("4", "PUT", "$1/sensei_description", "{\"value\":\"set through $1/sensei_description\"}"),
                        numbered("5", "POST", "sensei_projects?$select=sensei_name,_sensei_program_value",
                                "{\"sensei_name\":\"" + program + " project\",\"sensei_program@odata.bind\":\"$2\"}", "Prefer", "return=representation"))
                .get("sensei_programs?$select=sensei_name,_sensei_portfolio_value&$filter=sensei_name%20eq%20'" + program.replace(" ", "%20") + "'")
                .build();
        LabHttp.Reply r = http.batch(admin, BOUNDARY, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("Content-Type: multipart/mixed; boundary=changesetresponse_");
        List<BatchMultipart.Answer> answers = BatchMultipart.answers(r);
        assertThat(answers).extracting(BatchMultipart.Answer::status).containsExactly(204, 204, 204, 204, 201, 200);
        assertThat(answers).extracting(BatchMultipart.Answer::changeSet).containsExactly(1, 1, 1, 1, 1, 0);
        assertThat(answers).extracting(BatchMultipart.Answer::contentId).containsExactly(
                Optional.of("1"), Optional.of("2"), Optional.of("3"), Optional.of("4"), Optional.of("5"), Optional.empty());
        BatchMultipart.Answer created = answers.get(0);
        assertThat(created.header("OData-EntityId")).matches(http.api().replace(".", "\\.") + "sensei_portfolios\\([0-9a-f-]{36}\\)");
        assertThat(created.header("Location")).isEqualTo(created.header("OData-EntityId"));
        UUID portfolioId = idIn(created.header("OData-EntityId"));
        UUID programId = idIn(answers.get(1).header("OData-EntityId"));
        assertThat(idIn(answers.get(2).header("OData-EntityId"))).isEqualTo(programId);
        assertThat(answers.get(4).json().path("_sensei_program_value").asText()).isEqualTo(programId.toString());

        // the GET after the change set sees everything it committed
        JsonNode read = answers.get(5).json().path("value");
        assertThat(read).hasSize(1);
        assertThat(read.get(0).path("_sensei_portfolio_value").asText()).isEqualTo(portfolioId.toString());
        JsonNode stored = http.get(admin, "sensei_portfolios(" + portfolioId + ")?$select=sensei_name,sensei_description").json();
        assertThat(stored.path("sensei_name").asText()).isEqualTo(portfolio);
        assertThat(stored.path("sensei_description").asText()).isEqualTo("set through $1/sensei_description");
    }

    @Test
    void aRefBodyMayNameAnEarlierContentId() {
        String name = unique("Ref program");
        String body = new BatchMultipart().changeSet(
                numbered("1", "POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + " portfolio\"}"),
                numbered("2", "POST", "sensei_programs", "{\"sensei_name\":\"" + name + "\"}"),
                numbered("3", "PUT", "$2/sensei_portfolio/$ref", "{\"@odata.id\":\"$1\"}")).build();
        LabHttp.Reply r = http.batch(admin, BOUNDARY, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<BatchMultipart.Answer> answers = BatchMultipart.answers(r);
        assertThat(answers).extracting(BatchMultipart.Answer::status).containsExactly(204, 204, 204);
        UUID portfolio = idIn(answers.get(0).header("OData-EntityId"));
        UUID program = idIn(answers.get(1).header("OData-EntityId"));
        assertThat(http.get(admin, "sensei_programs(" + program + ")?$select=_sensei_portfolio_value").json()
                .path("_sensei_portfolio_value").asText()).isEqualTo(portfolio.toString());
    }

    @Test
    void aFailedChangeSetWritesNothingAndStopsTheBatch() {
        String name = unique("Rolled back");
        String countBefore = http.get(admin, "sensei_portfolios/$count").body();
        String body = new BatchMultipart().changeSet(
                        numbered("1", "POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + "\"}"),
                        numbered("2", "POST", "sensei_programs", "{\"sensei_name\":\"" + name + "\",\"sensei_portfolio@odata.bind\":\"$1\"}"),
                        numbered("3", "PATCH", "$1", "{\"sensei_name\":\"" + name + "\",\"no_such_column\":1}"))
                .add(item("POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + " after\"}"))
                .build();
        LabHttp.Reply r = http.batch(admin, BOUNDARY, body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        List<BatchMultipart.Answer> answers = BatchMultipart.answers(r);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).status()).isEqualTo(400);
        assertThat(answers.get(0).changeSet()).isZero();
        assertThat(answers.get(0).contentId()).contains("3");
        assertThat(answers.get(0).errorMessage()).contains("no_such_column");
        assertThat(named("sensei_portfolios", name)).isEmpty();
        assertThat(named("sensei_programs", name)).isEmpty();
        assertThat(named("sensei_portfolios", name + " after")).as("nothing after the failure runs").isEmpty();
        assertThat(http.get(admin, "sensei_portfolios/$count").body()).isEqualTo(countBefore);
    }

    @Test
    void requestsBeforeAFailureStayAndTheFailureIsLast() {
        String name = unique("Before failure");
        String body = new BatchMultipart()
                .add(item("POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + "\"}"))
                .add(item("PATCH", "sensei_portfolios(" + UUID.randomUUID() + ")", "{\"sensei_name\":\"x\"}", "If-Match", "*"))
                .add(item("POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + " never\"}"))
                .build();
        LabHttp.Reply r = http.batch(admin, BOUNDARY, body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(BatchMultipart.answers(r)).extracting(BatchMultipart.Answer::status).containsExactly(204, 404);
        assertThat(named("sensei_portfolios", name)).hasSize(1);
        assertThat(named("sensei_portfolios", name + " never")).isEmpty();
    }

    @Test
    void continueOnErrorRunsEveryItemAndAnswers200() {
        String name = unique("Continue");
        String body = new BatchMultipart()
                .add(item("POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + " 1\"}"))
                .changeSet(numbered("1", "POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + " in failed set\"}"),
                        numbered("2", "POST", "sensei_portfolios", "{\"sensei_name\":\"" + "x".repeat(500) + "\"}"))
                .changeSet(numbered("1", "POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + " in good set\"}"))
                .get("sensei_portfolios?$select=sensei_name&$filter=startswith(sensei_name,'" + name.replace(" ", "%20") + "')")
                .add(item("DELETE", "sensei_portfolios(" + UUID.randomUUID() + ")", null))
                .build();
        LabHttp.Reply r = http.batch(admin, BOUNDARY, body, "Prefer", "odata.continue-on-error");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<BatchMultipart.Answer> answers = BatchMultipart.answers(r);
        assertThat(answers).extracting(BatchMultipart.Answer::status).containsExactly(204, 400, 204, 200, 404);
        assertThat(answers.get(1).json().path("error").path("code").asText()).isEqualTo("0x80044331");
        assertThat(answers.get(2).changeSet()).isEqualTo(1);
        assertThat(answers.get(3).json().path("value")).extracting(v -> v.path("sensei_name").asText())
                .containsExactlyInAnyOrder(name + " 1", name + " in good set");
    }

    @Test
    void aChangeSetOfAThousandCreatesCommitsWhole() {
        String name = unique("Thousand");
        BatchMultipart.Item[] items = new BatchMultipart.Item[1000];
        for (int i = 0; i < items.length; i++) {
            items[i] = numbered(Integer.toString(i + 1), "POST", "sensei_risks",
                    "{\"sensei_name\":\"" + name + "\",\"sensei_project@odata.bind\":\"/sensei_projects("
                            + DemoOrganisation.recordId("sensei_project", "IT Project 1") + ")\"}");
        }
        LabHttp.Reply r = http.batch(admin, BOUNDARY, new BatchMultipart().changeSet(items).build());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(BatchMultipart.answers(r)).hasSize(1000).allMatch(a -> a.status() == 204);
        LabHttp.Reply count = http.get(admin, "sensei_risks/$count?$filter=sensei_name%20eq%20'" + name.replace(" ", "%20") + "'");
        assertThat(count.body().trim()).isEqualTo("1000");
    }

    @Test
    void aRegisterCreatedInAChangeSetTakesTheOwnerOfAProjectCreatedInTheSameSet() {
        UUID team = DemoOrganisation.teamId("HR Project 2");
        String name = unique("Owned project");
        String body = new BatchMultipart().changeSet(
                numbered("1", "POST", "sensei_projects", "{\"sensei_name\":\"" + name + "\",\"ownerid@odata.bind\":\"/teams(" + team + ")\"}"),
                numbered("2", "POST", "sensei_risks?$select=_ownerid_value", "{\"sensei_name\":\"" + name + " risk\",\"sensei_project@odata.bind\":\"$1\"}",
                        "Prefer", "return=representation")).build();
        LabHttp.Reply r = http.batch(admin, BOUNDARY, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<BatchMultipart.Answer> answers = BatchMultipart.answers(r);
        assertThat(answers.get(1).status()).isEqualTo(201);
        assertThat(answers.get(1).json().path("_ownerid_value").asText()).isEqualTo(team.toString());
    }

    @Test
    void theDocumentationsChangeSetExampleRunsAsWritten() {
        // Microsoft's "Reference URIs in request body" example (execute-batch-operations-using-web-api), with its
        // leads/contacts/accounts replaced by product tables; raw text, LF line breaks and absolute URLs as printed.
        String org = http.root();
        String name = unique("Doc example");
        String body = """
                --batch_AAA123
                Content-Type: multipart/mixed; boundary=changeset_dd81ccab-11ce-4d57-b91d-12c4e25c3cab

                --changeset_dd81ccab-11ce-4d57-b91d-12c4e25c3cab
                Content-Type: application/http
                Content-Transfer-Encoding: binary
                Content-ID: 1

                POST ORG/api/data/v9.2/sensei_portfolios HTTP/1.1
                Content-Type: application/json

                {
                    "sensei_name":"NAME portfolio"
                }

                --changeset_dd81ccab-11ce-4d57-b91d-12c4e25c3cab
                Content-Type: application/http
                Content-Transfer-Encoding: binary
                Content-ID: 2

                POST ORG/api/data/v9.2/sensei_programs HTTP/1.1
                Content-Type: application/json

                {"sensei_name":"NAME program"}

                --changeset_dd81ccab-11ce-4d57-b91d-12c4e25c3cab
                Content-Type: application/http
                Content-Transfer-Encoding: binary
                Content-ID: 3

                POST ORG/api/data/v9.2/sensei_projects HTTP/1.1
                Content-Type: application/json

                {
                    "sensei_name":"NAME",
                    "sensei_portfolio@odata.bind":"$1",
                    "sensei_program@odata.bind":"$2"
                }

                --changeset_dd81ccab-11ce-4d57-b91d-12c4e25c3cab--
                --batch_AAA123--
                """.replace("ORG", org).replace("NAME", name);
        LabHttp.Reply r = http.call("POST", admin, "$batch", body, "Content-Type", "multipart/mixed;boundary=batch_AAA123");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<BatchMultipart.Answer> answers = BatchMultipart.answers(r);
        assertThat(answers).extracting(BatchMultipart.Answer::status).containsExactly(204, 204, 204);
        assertThat(answers).extracting(a -> a.contentId().orElse("")).containsExactly("1", "2", "3");
        UUID project = idIn(answers.get(2).header("Location"));
        JsonNode row = http.get(admin, "sensei_projects(" + project + ")?$select=_sensei_portfolio_value,_sensei_program_value").json();
        assertThat(row.path("_sensei_portfolio_value").asText()).isEqualTo(idIn(answers.get(0).header("Location")).toString());
        assertThat(row.path("_sensei_program_value").asText()).isEqualTo(idIn(answers.get(1).header("Location")).toString());
    }

    @Test
    void theDocumentationsGetAfterAChangeSetExampleRunsWithCrlf() {
        // "Change sets" example: three creates in a change set, then a GET of the related rows outside it.
        UUID project = DemoOrganisation.recordId("sensei_project", "IT Project 2");
        String name = unique("Task");
        StringBuilder body = new StringBuilder("--batch_22975cad-7f57-410d-be15-6363209367ea\n"
                + "Content-Type: multipart/mixed; boundary=\"changeset_246e6bfe-89a4-4c77-b293-7a433f082e8a\"\n\n");
        for (int i = 1; i <= 3; i++) {
            body.append("--changeset_246e6bfe-89a4-4c77-b293-7a433f082e8a\nContent-Type: application/http\nContent-Transfer-Encoding: binary\n")
                    .append("Content-ID: ").append(i).append("\n\nPOST /api/data/v9.2/sensei_risks HTTP/1.1\nContent-Type: application/json; type=entry\n\n")
                    .append("{\n  \"sensei_name\": \"").append(name).append(' ').append(i).append(" in batch\",\n")
                    .append("  \"sensei_project@odata.bind\": \"sensei_projects(").append(project).append(")\"\n}\n");
        }
        body.append("--changeset_246e6bfe-89a4-4c77-b293-7a433f082e8a--\n\n--batch_22975cad-7f57-410d-be15-6363209367ea\n"
                + "Content-Type: application/http\nContent-Transfer-Encoding: binary\n\n"
                + "GET /api/data/v9.2/sensei_projects(" + project + ")/sensei_risk_sensei_project?$select=sensei_name HTTP/1.1\n\n\n"
                + "--batch_22975cad-7f57-410d-be15-6363209367ea--\n");
        LabHttp.Reply r = http.call("POST", admin, "$batch", body.toString().replace("\n", "\r\n"),
                "Content-Type", "multipart/mixed; boundary=\"batch_22975cad-7f57-410d-be15-6363209367ea\"");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<BatchMultipart.Answer> answers = BatchMultipart.answers(r);
        assertThat(answers).extracting(BatchMultipart.Answer::status).containsExactly(204, 204, 204, 200);
        assertThat(answers.get(3).json().path("value")).extracting(v -> v.path("sensei_name").asText())
                .contains(name + " 1 in batch", name + " 2 in batch", name + " 3 in batch");
    }
}
