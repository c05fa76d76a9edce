package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FetchXML paging as real clients drive it: DynamicsWebApi's {@code fetchAll} sends no {@code Prefer} header and
 * follows {@code @Microsoft.Dynamics.CRM.fetchxmlpagingcookie} until a page has none; {@code morerecords} comes only
 * when asked for. Every walk must return exactly the rows the caller may read (the OData list of the same user is
 * the reference), each once.
 */
class FetchXmlPagingAcceptanceTest {
    private static final String COOKIE = "@Microsoft.Dynamics.CRM.fetchxmlpagingcookie";
    private static final String MORE = "@Microsoft.Dynamics.CRM.morerecords";
    private static final Pattern INNER = Pattern.compile("pagingcookie=\"(<cookie page=\"(\\d+)\".+</cookie>)");

    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();
    static LabHttp http;

    @BeforeAll
    static void signIn() { http = lab.http(); }

    @Test
    void aPageWithMoreRowsCarriesTheCookieWithoutBeingAsked() {
        String admin = lab.adminToken();
        LabHttp.Reply r = http.get(admin, "sensei_issues?fetchXml=" + enc(fetch("sensei_issue", 4, 1, null, "")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("value")).hasSize(4);
        assertThat(r.json().path(COOKIE).asText()).startsWith("<cookie pagenumber=\"2\" pagingcookie=\"%253ccookie%2520page%253d%25221%2522");
        assertThat(r.json().has(MORE)).as("morerecords is returned only when the Prefer header asks for it").isFalse();
    }

    @Test
    void moreRecordsComesWhenAskedForByNameOrByStar() {
        String admin = lab.adminToken();
        String url = "sensei_issues?fetchXml=" + enc(fetch("sensei_issue", 4, 1, null, ""));
        for (String prefer : List.of("odata.include-annotations=\"Microsoft.Dynamics.CRM.morerecords\"", "odata.include-annotations=\"*\"")) {
            JsonNode body = http.get(admin, url, "Prefer", prefer).json();
            assertThat(body.path(MORE).asBoolean()).as(prefer).isTrue();
            assertThat(body.has(COOKIE)).as(prefer).isTrue();
        }
    }

    @Test
    void theLastPageHasNeitherAnnotation() {
        String admin = lab.adminToken();
        JsonNode body = http.get(admin, "sensei_issues?fetchXml=" + enc(fetch("sensei_issue", 5_000, 1, null, "")),
                "Prefer", "odata.include-annotations=\"*\"").json();
        assertThat(body.path("value").size()).isPositive();
        assertThat(body.has(COOKIE)).isFalse();
        assertThat(body.has(MORE)).isFalse();
    }

    @Test
    void aQueryOrderedByALinkedColumnGetsNoCookieButPagesByNumber() {
        String admin = lab.adminToken();
        String link = "<link-entity name=\"sensei_program\" from=\"sensei_programid\" to=\"sensei_program\" alias=\"p\">"
                + "<order attribute=\"sensei_name\"/></link-entity>";
        JsonNode first = http.get(admin, "sensei_projects?fetchXml=" + enc(fetch("sensei_project", 2, 1, null, link)),
                "Prefer", "odata.include-annotations=\"*\"").json();
        assertThat(first.path("value")).hasSize(2);
        assertThat(first.has(COOKIE)).isFalse();
        assertThat(first.path(MORE).asBoolean()).isTrue();
        JsonNode second = http.get(admin, "sensei_projects?fetchXml=" + enc(fetch("sensei_project", 2, 2, null, link))).json();
        assertThat(second.path("value")).hasSize(2);
        assertThat(second.path("value").get(0).path("sensei_projectid").asText())
                .isNotIn(first.path("value").get(0).path("sensei_projectid").asText(), first.path("value").get(1).path("sensei_projectid").asText());
    }

    @ParameterizedTest(name = "{0} on {1}, count {2}, order ''{3}''")
    @CsvSource({
            "admin@contoso.test,  sensei_issue,   4, ''",
            "admin@contoso.test,  sensei_project, 3, sensei_name",
            "blue@contoso.test,   sensei_project, 2, ''",
            "yellow@contoso.test, sensei_project, 2, sensei_name",
            "blue@contoso.test,   sensei_risk,    5, sensei_name",
    })
    void followingTheCookieAsDynamicsWebApiDoesReturnsEveryReadableRowOnce(String user, String table, int count, String order) {
        String token = http.token(user, "demo");
        String set = table + "s";
        String orderXml = order.isEmpty() ? "" : "<order attribute='" + order + "'/>";
        List<String> walked = new ArrayList<>();
        int page = 1;
        String cookie = null;
        int requests = 0;
        while (true) {
            LabHttp.Reply r = http.get(token, set + "?fetchXml=" + enc(fetch(table, count, page, cookie, orderXml)));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            r.json().path("value").forEach(v -> walked.add(v.path(table + "id").asText()));
            requests++;
            String annotation = r.json().path(COOKIE).asText(null);
            if (annotation == null) break;
            // DynamicsWebApi: decode twice, take the inner cookie and its page, XML-escape it, ask for page + 1
            Matcher m = INNER.matcher(URLDecoder.decode(URLDecoder.decode(annotation, StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            assertThat(m.find()).as(annotation).isTrue();
            cookie = m.group(1).replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
            page = Integer.parseInt(m.group(2)) + 1;
            assertThat(requests).as("the walk ends").isLessThan(200);
        }
        List<String> readable = new ArrayList<>();
        http.get(token, set + "?$select=" + table + "id").json().path("value").forEach(v -> readable.add(v.path(table + "id").asText()));
        assertThat(readable).hasSizeGreaterThan(count);
        assertThat(requests).isGreaterThan(1);
        assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(readable);
    }

    private static String fetch(String table, int count, int page, String cookie, String order) {
        String paging = cookie == null ? "" : " paging-cookie=\"" + cookie + "\"";
        return "<fetch count=\"" + count + "\" page=\"" + page + "\"" + paging + "><entity name=\"" + table + "\">"
                + "<attribute name=\"" + table + "id\"/><attribute name=\"sensei_name\"/>" + order + "</entity></fetch>";
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }
}
