package io.ppmlab.emulator.acceptance;

import io.ppmlab.datasets.DemoOrganisation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.ppmlab.emulator.acceptance.BatchMultipart.BOUNDARY;
import static io.ppmlab.emulator.acceptance.BatchMultipart.item;
import static io.ppmlab.emulator.acceptance.BatchMultipart.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What a batch refuses (more than 1,000 requests, a GET in a change set, a nested batch, an undeclared {@code $n},
 * malformed multipart: always a 400 with Dataverse's error shape, never a 500), and security per part: each part is
 * checked as the caller (or the user the part impersonates), like a single request.
 */
class BatchRefusalsAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();
    static String admin;
    static LabHttp http;

    @BeforeAll
    static void signIn() {
        admin = lab.adminToken();
        http = lab.http();
    }

    static String token(String user) { return http.token(user + "@contoso.test", "demo"); }

    static String unique(String prefix) { return prefix + " " + UUID.randomUUID().toString().substring(0, 8); }

    static void assertRefused(LabHttp.Reply r, String code, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.errorCode()).isEqualTo(code);
        assertThat(r.json().path("error").path("message").asText()).contains(message);
    }

    @Test
    void moreThanAThousandRequestsAreRefusedBeforeAnyRuns() {
        String name = unique("Over the limit");
        BatchMultipart batch = new BatchMultipart().add(item("POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + "\"}"));
        for (int i = 0; i < 995; i++) batch.get("WhoAmI");
        batch.changeSet(numbered("1", "POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + "\"}"),
                numbered("2", "POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + "\"}"),
                numbered("3", "POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + "\"}"),
                numbered("4", "POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + "\"}"),
                numbered("5", "POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + "\"}"));
        assertRefused(http.batch(admin, BOUNDARY, batch.build()), "0x80040203",
                "The batch contains 1001 requests; a batch can contain at most 1000 requests, counting the requests inside change sets.");
        assertThat(BatchAcceptanceTest.namedWith(http, admin, "sensei_portfolios", name)).isEmpty();
    }

    @Test
    void exactlyAThousandRequestsRun() {
        BatchMultipart batch = new BatchMultipart();
        for (int i = 0; i < 1000; i++) batch.get("WhoAmI");
        LabHttp.Reply r = http.batch(admin, BOUNDARY, batch.build());
        assertThat(r.status()).isEqualTo(200);
        assertThat(BatchMultipart.answers(r)).hasSize(1000).allMatch(a -> a.status() == 200);
    }

    @Test
    void aGetInAChangeSetIsRefused() {
        String body = new BatchMultipart().changeSet(numbered("1", "POST", "sensei_portfolios", "{\"sensei_name\":\"x\"}"),
                numbered("2", "GET", "sensei_portfolios", null)).build();
        assertRefused(http.batch(admin, BOUNDARY, body), "0x80040203",
                "An invalid HTTP method 'GET' was detected for a request in a change set.");
    }

    @Test
    void aNestedBatchIsRefused() {
        String body = new BatchMultipart().add(item("POST", "/api/data/v9.2/$batch", null)).build();
        assertRefused(http.batch(admin, BOUNDARY, body), "0x80040203", "A batch cannot contain another batch");
    }

    @Test
    void anUndeclaredContentIdIsRefusedInUrlsAndBodiesAndTheSetRollsBack() {
        String name = unique("Undeclared");
        // $1 in a body before its declaration, as in Microsoft's example
        String inBody = new BatchMultipart().changeSet(
                numbered("2", "POST", "sensei_programs", "{\"sensei_name\":\"" + name + "\",\"sensei_portfolio@odata.bind\":\"$1\"}"),
                numbered("1", "POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + "\"}")).build();
        LabHttp.Reply r = http.batch(admin, BOUNDARY, inBody);
        assertThat(r.status()).isEqualTo(400);
        List<BatchMultipart.Answer> answers = BatchMultipart.answers(r);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).status()).isEqualTo(400);
        assertThat(answers.get(0).errorMessage()).isEqualTo("Content-ID Reference: '$1' does not exist in the batch context.");

        // $2 in a URL, never declared; the create before it is undone
        String inUrl = new BatchMultipart().changeSet(
                numbered("1", "POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + "\"}"),
                numbered("3", "PATCH", "$2", "{\"sensei_name\":\"" + name + "\"}")).build();
        r = http.batch(admin, BOUNDARY, inUrl);
        assertThat(r.status()).isEqualTo(400);
        assertThat(BatchMultipart.answers(r).get(0).errorMessage()).isEqualTo("Content-ID Reference: '$2' does not exist in the batch context.");

        // outside a change set there is no batch context at all
        r = http.batch(admin, BOUNDARY, new BatchMultipart().add(item("PATCH", "$1", "{\"sensei_name\":\"x\"}")).build());
        assertThat(r.status()).isEqualTo(400);
        assertThat(BatchMultipart.answers(r).get(0).errorMessage()).isEqualTo("Content-ID Reference: '$1' does not exist in the batch context.");
        assertThat(BatchAcceptanceTest.namedWith(http, admin, "sensei_portfolios", name)).isEmpty();
        assertThat(BatchAcceptanceTest.namedWith(http, admin, "sensei_programs", name)).isEmpty();
    }

    static Stream<Arguments> malformed() {
        String part = "--b1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nGET WhoAmI HTTP/1.1\r\n\r\n";
        return Stream.of(
                arguments("no boundary", "multipart/mixed", part + "--b1--", "has no boundary parameter"),
                arguments("json instead", "application/json", "{\"requests\":[]}", "a batch is 'multipart/mixed; boundary=batch_<id>'"),
                arguments("no body", "multipart/mixed; boundary=b1", null, "has no boundary delimiter '--b1'"),
                arguments("wrong boundary", "multipart/mixed; boundary=b2", part + "--b1--", "has no boundary delimiter '--b2'"),
                arguments("unclosed", "multipart/mixed; boundary=b1", part, "ends without its close delimiter '--b1--'"),
                arguments("bad part header", "multipart/mixed; boundary=b1", part.replace("Content-Type: application/http", "Content-Type application/http") + "--b1--",
                        "has the header line 'Content-Type application/http'"),
                arguments("no part content type", "multipart/mixed; boundary=b1", part.replace("Content-Type: application/http\r\n", "") + "--b1--", "has no Content-Type"),
                arguments("bad request line", "multipart/mixed; boundary=b1", part.replace("GET WhoAmI HTTP/1.1", "GET WhoAmI") + "--b1--",
                        "has the request line 'GET WhoAmI'; expected 'METHOD URL HTTP/1.1'"),
                arguments("bad method", "multipart/mixed; boundary=b1", part.replace("GET WhoAmI", "MERGE WhoAmI") + "--b1--", "uses the method 'MERGE'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedMultipartIsA400NeverA500(String name, String contentType, String body, String message) {
        LabHttp.Reply r = body == null
                ? http.call("POST", admin, "$batch", null, "Content-Type", contentType)
                : http.call("POST", admin, "$batch", body, "Content-Type", contentType);
        assertRefused(r, r.errorCode(), message);
        assertThat(r.errorCode()).isIn("0x80048d19", "0x80040203");
    }

    @Test
    void aBadUrlOrBodyInsideAPartIsThatPartsError() {
        String body = new BatchMultipart()
                .get("sensei_projects?$skip=1")
                .get("/elsewhere/sensei_projects")
                .get("/api/data/v8.0/sensei_projects")
                .add(item("POST", "sensei_portfolios", "{not json"))
                .add(item("POST", "sensei_portfolios", "<xml/>", "Content-Type", "application/xml"))
                .build();
        LabHttp.Reply r = http.batch(admin, BOUNDARY, body, "Prefer", "odata.continue-on-error");
        assertThat(r.status()).isEqualTo(200);
        assertThat(BatchMultipart.answers(r)).extracting(BatchMultipart.Answer::status).containsExactly(400, 400, 404, 400, 415);
    }

    @Test
    void getOnBatchIsNotAllowed() {
        assertThat(http.get(admin, "$batch").status()).isEqualTo(405);
    }

    @Test
    void aBatchNeedsAToken() {
        LabHttp.Reply r = http.batch(null, BOUNDARY, new BatchMultipart().get("WhoAmI").build());
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void eachPartIsCheckedAsTheCallerAndAPartOutOfReachIs403() {
        UUID own = DemoOrganisation.recordId("sensei_project", "HR Project 1");    // Red's group owns it
        UUID other = DemoOrganisation.recordId("sensei_project", "HR Project 2");  // Red reads it (same BU) but cannot write it
        String body = new BatchMultipart()
                .add(item("PATCH", "sensei_projects(" + own + ")", "{\"sensei_description\":\"red was here\"}"))
                .add(item("PATCH", "sensei_projects(" + other + ")", "{\"sensei_description\":\"red was here\"}"))
                .get("sensei_projects(" + other + ")?$select=sensei_name")
                .build();
        LabHttp.Reply r = http.batch(token("red"), BOUNDARY, body, "Prefer", "odata.continue-on-error");
        assertThat(r.status()).isEqualTo(200);
        List<BatchMultipart.Answer> answers = BatchMultipart.answers(r);
        assertThat(answers).extracting(BatchMultipart.Answer::status).containsExactly(204, 403, 200);
        assertThat(answers.get(1).reason()).isEqualTo("Forbidden");
        assertThat(answers.get(1).json().path("error").path("code").asText()).isEqualTo("0x80048306");
    }

    @Test
    void aForbiddenPartRollsBackItsChangeSet() {
        UUID own = DemoOrganisation.recordId("sensei_project", "HR Project 1");
        UUID other = DemoOrganisation.recordId("sensei_project", "HR Project 2");
        String marker = unique("red change set");
        String body = new BatchMultipart().changeSet(
                numbered("1", "PATCH", "sensei_projects(" + own + ")", "{\"sensei_description\":\"" + marker + "\"}"),
                numbered("2", "PATCH", "sensei_projects(" + other + ")", "{\"sensei_description\":\"" + marker + "\"}")).build();
        LabHttp.Reply r = http.batch(token("red"), BOUNDARY, body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(BatchMultipart.answers(r)).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(403));
        assertThat(http.get(admin, "sensei_projects(" + own + ")?$select=sensei_description").json().path("sensei_description").asText())
                .isNotEqualTo(marker);
    }

    @Test
    void aPartMayImpersonateAndIsThenCheckedAsThatUser() {
        UUID other = DemoOrganisation.recordId("sensei_project", "HR Project 2");
        String red = DemoOrganisation.userId("red").toString();
        String body = new BatchMultipart()
                .add(item("PATCH", "sensei_projects(" + other + ")", "{\"sensei_description\":\"as red\"}", "MSCRMCallerID", red))
                .add(item("PATCH", "sensei_projects(" + other + ")", "{\"sensei_description\":\"as admin\"}"))
                .get("WhoAmI", "MSCRMCallerID", red)
                .build();
        LabHttp.Reply r = http.batch(admin, BOUNDARY, body, "Prefer", "odata.continue-on-error");
        List<BatchMultipart.Answer> answers = BatchMultipart.answers(r);
        assertThat(answers).extracting(BatchMultipart.Answer::status).containsExactly(403, 204, 200);
        assertThat(answers.get(2).json().path("UserId").asText()).isEqualTo(red);

        // a user without prvActOnBehalfOfAnotherUser cannot impersonate inside a batch either
        LabHttp.Reply blue = http.batch(token("blue"), BOUNDARY, new BatchMultipart().get("WhoAmI", "MSCRMCallerID", red).build());
        assertThat(blue.status()).isEqualTo(400);
        assertThat(BatchMultipart.answers(blue).get(0).status()).isEqualTo(403);
    }
}
