package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static io.ppmlab.datasets.DemoOrganisation.recordId;
import static io.ppmlab.datasets.DemoOrganisation.teamId;
import static io.ppmlab.datasets.DemoOrganisation.businessUnitId;
import static io.ppmlab.emulator.acceptance.SecurityBodies.targetAlias;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The side doors around the read paths: a method tunnelled in a header is not the method, security decides
 * before any precondition (so a row's version never leaks), and explaining a row one cannot read tells
 * nothing about the row.
 */
class SideDoorsAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();
    static final UUID IT_PROJECT_1 = recordId("sensei_project", "IT Project 1");
    static final String STALE = "W/\"1\"";
    static String admin;
    static String blue;
    static String yellow;
    static LabHttp http;

    @BeforeAll
    static void signIn() {
        http = lab.http();
        admin = lab.adminToken();
        blue = http.token("blue@contoso.test", "demo");
        yellow = http.token("yellow@contoso.test", "demo");
    }

    // Defect 1: the method on the wire is the method, whatever header claims otherwise.

    @ParameterizedTest(name = "GET with {0}: {1}")
    @CsvSource({
            "X-HTTP-Method-Override, DELETE", "X-HTTP-Method-Override, PATCH", "X-HTTP-Method-Override, POST",
            "X-HTTP-Method-Override, PUT", "X-HTTP-Method-Override, delete", "X-HTTP-Method, DELETE", "X-Method-Override, DELETE"})
    void aGetStaysAGetWhateverTheOverrideHeaderSays(String header, String method) {
        String id = created("{\"sensei_name\":\"kept\"}");
        LabHttp.Reply r = http.call("GET", admin, "sensei_portfolios(" + id + ")", null, header, method);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("sensei_name").asText()).isEqualTo("kept");
        assertThat(http.get(admin, "sensei_portfolios(" + id + ")").status()).as("the row is still there").isEqualTo(200);
    }

    @Test
    void aPostCannotBeTurnedIntoAnUpdateOrADelete() {
        String id = created("{\"sensei_name\":\"kept\"}");
        LabHttp.Reply patch = http.call("POST", admin, "sensei_portfolios(" + id + ")", "{\"sensei_name\":\"changed\"}",
                "X-HTTP-Method-Override", "PATCH");
        assertThat(patch.status()).as(patch.body()).isEqualTo(405);
        LabHttp.Reply delete = http.call("POST", admin, "sensei_portfolios(" + id + ")", "{}", "X-HTTP-Method-Override", "DELETE");
        assertThat(delete.status()).isEqualTo(405);
        assertThat(http.get(admin, "sensei_portfolios(" + id + ")").json().get("sensei_name").asText()).isEqualTo("kept");
    }

    @Test
    void theLabsOwnRoutesIgnoreTheOverrideToo() {
        String members = http.root() + "/lab/groups/" + teamId("IT Project 1") + "/members";
        LabHttp.Reply r = http.call("GET", admin, members, null, "X-HTTP-Method-Override", "POST");
        assertThat(r.status()).as("only POST is routed there: " + r.body()).isIn(404, 405);
    }

    // Defect 2: security decides first; preconditions are evaluated only for callers allowed to act.

    @ParameterizedTest(name = "{0} {1} by yellow (cannot read)")
    @CsvSource({"PATCH, stale", "PATCH, current", "PATCH, star", "DELETE, stale", "DELETE, current", "DELETE, star"})
    void anUnreadableRowAnswers403WhateverItsVersion(String method, String which) {
        assertThat(conditional(yellow, method, which).status()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0} {1} by blue (reads, may not change)")
    @CsvSource({"PATCH, stale", "PATCH, current", "DELETE, stale", "DELETE, current"})
    void aRowReadableButNotWritableAnswers403WhateverItsVersion(String method, String which) {
        LabHttp.Reply r = conditional(blue, method, which);
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo(method.equals("DELETE") ? "0x80040220" : "0x80048306");
    }

    @Test
    void anUpsertGuardedByIfNoneMatchOnAnUnreadableRowIs403NotADuplicate() {
        LabHttp.Reply r = http.patch(yellow, "sensei_projects(" + IT_PROJECT_1 + ")", "{\"sensei_name\":\"x\"}", "If-None-Match", "*");
        assertThat(r.status()).as(r.body()).isEqualTo(403);
    }

    @Test
    void aConditionalPartInsideABatchAlsoAnswers403() {
        String body = "--b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                + "DELETE " + http.api() + "sensei_projects(" + IT_PROJECT_1 + ") HTTP/1.1\r\nIf-Match: " + STALE + "\r\n\r\n--b--\r\n";
        LabHttp.Reply r = http.batch(yellow, "b", body);
        assertThat(r.body()).contains("HTTP/1.1 403").doesNotContain("412");
    }

    @Test
    void anAllowedCallerStillGets412ForAStaleVersion() {
        String id = created("{\"sensei_name\":\"versioned\"}");
        LabHttp.Reply r = http.patch(admin, "sensei_portfolios(" + id + ")", "{\"sensei_name\":\"y\"}", "If-Match", STALE);
        assertThat(r.status()).isEqualTo(412);
        assertThat(http.delete(admin, "sensei_portfolios(" + id + ")", "If-Match", STALE).status()).isEqualTo(412);
    }

    // Defect 3: lab_Explain tells the caller about its own rights, never about a row it cannot read.

    @Test
    void explainingAnUnreadableRowRevealsNoContentOwnerOrUnit() {
        LabHttp.Reply r = explain(yellow, IT_PROJECT_1, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String body = r.body();
        assertThat(body).doesNotContain("IT Project 1", teamId("IT Project 1").toString(), businessUnitId("IT").toString(), "(IT)");
        JsonNode target = r.json().get("Target");
        assertThat(target.has("Name")).isFalse();
        assertThat(target.has("Owner")).isFalse();
        assertThat(target.has("OwningBusinessUnit")).isFalse();
        assertThat(target.has("InheritsSharesFrom")).isFalse();
        JsonNode read = ExplainAcceptanceTest.right(r.json(), "Read");
        assertThat(read.get("Allowed").asBoolean()).isFalse();
        assertThat(read.get("FailedCheck").asText()).isEqualTo("AccessCheck");
        assertThat(read.get("ErrorCode").asText()).isEqualTo("0x80048306");
        for (JsonNode right : r.json().get("Rights")) assertThat(right.get("Reasons")).as("reasons name the row's facts").isEmpty();
    }

    @Test
    void explainingARowSomeoneCanReadStillTellsEverything() {
        JsonNode own = explain(blue, IT_PROJECT_1, null).json();
        assertThat(own.get("Target").get("Name").asText()).isEqualTo("IT Project 1");
        JsonNode forYellow = explain(admin, IT_PROJECT_1, io.ppmlab.datasets.DemoOrganisation.userId("yellow").toString()).json();
        assertThat(forYellow.get("Target").get("Owner").asText()).contains(teamId("IT Project 1").toString());
    }

    private static LabHttp.Reply explain(String token, UUID row, String user) {
        String url = (user == null ? "lab_Explain(Target=@t)?" : "lab_Explain(Target=@t,User=@u)?") + targetAlias("@t", "sensei_projects", row)
                + (user == null ? "" : "&@u=" + user);
        return http.get(token, url);
    }

    private static LabHttp.Reply conditional(String token, String method, String which) {
        String etag = http.get(admin, "sensei_projects(" + IT_PROJECT_1 + ")").header("ETag");
        String ifMatch = switch (which) {
            case "stale" -> STALE;
            case "current" -> etag;
            default -> "*";
        };
        String body = method.equals("PATCH") ? "{\"sensei_description\":\"probe\"}" : null;
        LabHttp.Reply r = http.call(method, token, "sensei_projects(" + IT_PROJECT_1 + ")", body, "If-Match", ifMatch);
        assertThat(http.get(admin, "sensei_projects(" + IT_PROJECT_1 + ")").header("ETag")).as("nothing changed").isEqualTo(etag);
        return r;
    }

    private static String created(String body) {
        LabHttp.Reply r = http.post(admin, "sensei_portfolios", body);
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        return r.header("OData-EntityId").replaceAll(".*\\((.*)\\)", "$1");
    }
}
