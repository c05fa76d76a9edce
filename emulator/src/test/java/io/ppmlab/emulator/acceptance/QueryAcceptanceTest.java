package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.datasets.DemoOrganisation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries over HTTP against the demo tenant with the real security model: options, paging, expand, navigation,
 * $apply, FetchXML, and each documented error. Blue and Yellow read projects at Business Unit depth (Portfolio
 * Manager), so they see their own BU's projects only.
 */
class QueryAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();
    static LabHttp http;
    static String admin;
    static String blue;
    static String yellow;

    @BeforeAll
    static void signIn() {
        http = lab.http();
        admin = lab.adminToken();
        blue = http.token("blue@contoso.test", "demo");
        yellow = http.token("yellow@contoso.test", "demo");
    }

    @Test
    void selectFilterOrderTopAndCount() {
        LabHttp.Reply r = http.get(admin, "sensei_projects?$select=sensei_name,statuscode&$filter=" + enc("statuscode eq 1 and contains(sensei_name,'project')")
                + "&$orderby=sensei_name%20desc&$top=4&$count=true");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(names(r.json())).containsExactly("IT Project 3", "IT Project 2", "IT Project 1", "HR Project 3");
        assertThat(r.json().path("@odata.count").asInt()).isEqualTo(6);
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void theDocumentedChangeRequestQueryAnswersVerbatim() {
        String project = DemoOrganisation.recordId("sensei_project", "IT Project 1").toString();
        LabHttp.Reply r = http.get(admin, "sensei_changerequests?$select=sensei_costestimate&$filter="
                + enc("_sensei_project_value eq '" + project + "' and statuscode eq 955000002"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("value")).hasSize(1);
        assertThat(r.json().path("value").get(0).path("sensei_costestimate").decimalValue()).isEqualByComparingTo("12000");
    }

    @Test
    void theDocumentedApplyQueryAnswersVerbatim() {
        String program = DemoOrganisation.recordId("sensei_program", "IT Program 3").toString();
        LabHttp.Reply r = http.get(admin, "sensei_programs(" + program + ")/sensei_project_sensei_program?$apply="
                + enc("groupby((sensei_program/sensei_programid),aggregate(sensei_effortremaining with sum as total))"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode group = r.json().path("value").get(0);
        assertThat(group.path("sensei_program_sensei_programid").asText()).isEqualTo(program);
        assertThat(group.path("total").decimalValue()).isEqualByComparingTo("900");
    }

    @Test
    void pagingWithMaxPageSizeAndNextLinks() {
        List<String> seen = new ArrayList<>();
        String url = "sensei_risks?$select=sensei_name";
        int pages = 0;
        while (url != null) {
            LabHttp.Reply r = http.get(admin, url, "Prefer", "odata.maxpagesize=7");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.header("Preference-Applied")).isEqualTo("odata.maxpagesize=7");
            seen.addAll(names(r.json()));
            url = r.json().path("@odata.nextLink").asText(null);
            pages++;
        }
        LabHttp.Reply all = http.get(admin, "sensei_risks/$count");
        assertThat(all.header("Content-Type")).startsWith("text/plain");
        assertThat(seen).doesNotHaveDuplicates().hasSize(Integer.parseInt(all.body().replace("\uFEFF", "").trim()));
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void aSkipTokenFromAnotherUserOrEditedIsRefused() {
        String next = http.get(admin, "sensei_projects?$select=sensei_name", "Prefer", "odata.maxpagesize=2").json().path("@odata.nextLink").asText();
        LabHttp.Reply foreign = http.get(blue, next, "Prefer", "odata.maxpagesize=2");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.errorCode()).isEqualTo("0x80060888");
        String edited = next.replace("token%253d%2522", "token%253d%2522A");
        assertThat(http.get(admin, edited, "Prefer", "odata.maxpagesize=2").status()).isEqualTo(400);
        assertThat(http.get(admin, next, "Prefer", "odata.maxpagesize=2").status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "$skip is refused|sensei_projects?$skip=1|400|0x80060888",
            "$search is refused|sensei_projects?$search=x|400|0x80060888",
            "unknown property|sensei_projects?$filter=nosuch%20eq%201|400|0x80060888",
            "not around a query function|sensei_projects?$filter=not%20Microsoft.Dynamics.CRM.Today(PropertyName='createdon')|400|0x80060888",
            "$ref on a collection|sensei_projects?$expand=sensei_risk_sensei_project/$ref|400|0x80060888",
            "$top inside a nested expand|sensei_programs?$expand=sensei_project_sensei_program($top=1;$expand=sensei_program)|400|0x80060888",
            "groupby a datetime|sensei_projects?$apply=groupby((createdon))|400|0x80060888",
            "fetchXml for another entity|sensei_projects?fetchXml=%3Cfetch%3E%3Centity%20name%3D'sensei_risk'%2F%3E%3C%2Ffetch%3E|400|0x80060888",
            "fetchXml unknown attribute|sensei_projects?fetchXml=%3Cfetch%3E%3Centity%20name%3D'sensei_project'%3E%3Cattribute%20name%3D'x'%2F%3E%3C%2Fentity%3E%3C%2Ffetch%3E|400|0x80041103",
            "navigation from a missing row|sensei_programs(00000000-0000-0000-0000-000000000009)/sensei_project_sensei_program|404|0x80040217"})
    void errorsAreDataverseShaped(String what, String url, int status, String code) {
        LabHttp.Reply r = http.get(admin, url);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.errorCode()).isEqualTo(code);
    }

    @Test
    void expandAndNavigation() {
        String program = DemoOrganisation.recordId("sensei_program", "HR Program 1").toString();
        LabHttp.Reply r = http.get(admin, "sensei_programs(" + program + ")/sensei_project_sensei_program?$select=sensei_name"
                + "&$expand=sensei_program($select=sensei_name),sensei_risk_sensei_project($select=sensei_name;$orderby=sensei_name)");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode project = r.json().path("value").get(0);
        assertThat(project.path("sensei_name").asText()).isEqualTo("HR Project 1");
        assertThat(project.path("sensei_program").path("sensei_name").asText()).isEqualTo("HR Program 1");
        assertThat(project.path("sensei_risk_sensei_project")).hasSize(2);
        assertThat(project.path("sensei_risk_sensei_project@odata.nextLink").asText()).startsWith(http.api() + "sensei_projects(");
        LabHttp.Reply single = http.get(admin, "sensei_programs(" + program + ")/sensei_portfolio?$select=sensei_name");
        assertThat(single.json().path("sensei_name").asText()).isEqualTo("HR Portfolio 1");
    }

    @Test
    void securityHoldsOnListsCountsAggregatesAndFetchXml() {
        assertThat(names(http.get(blue, "sensei_projects?$select=sensei_name").json())).containsExactlyInAnyOrder("IT Project 1", "IT Project 2", "IT Project 3");
        assertThat(names(http.get(yellow, "sensei_projects?$select=sensei_name").json())).containsExactlyInAnyOrder("HR Project 1", "HR Project 2", "HR Project 3");
        assertThat(http.get(blue, "sensei_projects/$count").body().replace("\uFEFF", "").trim()).isEqualTo("3");
        JsonNode sum = http.get(blue, "sensei_projects?$apply=" + enc("aggregate(sensei_effortremaining with sum as total,$count as n)")).json().path("value").get(0);
        assertThat(sum.path("n").asInt()).isEqualTo(3);
        assertThat(sum.path("total").decimalValue()).isEqualByComparingTo("1800");
        String fetch = "<fetch aggregate='true'><entity name='sensei_project'><attribute name='sensei_projectid' aggregate='count' alias='n'/></entity></fetch>";
        assertThat(http.get(yellow, "sensei_projects?fetchXml=" + enc(fetch)).json().path("value").get(0).path("n").asInt()).isEqualTo(3);
        String hrProgram = DemoOrganisation.recordId("sensei_program", "HR Program 1").toString();
        LabHttp.Reply hidden = http.get(blue, "sensei_programs(" + hrProgram + ")/sensei_project_sensei_program");
        assertThat(hidden.status()).isEqualTo(403);
        // filtering IT projects by an HR program's name reveals nothing
        assertThat(names(http.get(blue, "sensei_projects?$select=sensei_name&$filter=" + enc("sensei_program/sensei_name eq 'HR Program 1'")).json())).isEmpty();
    }

    @Test
    void fetchXmlWithPagingCookieAnnotations() {
        String fetch = "<fetch count='4' page='1'><entity name='sensei_issue'><attribute name='sensei_name'/><attribute name='sensei_resolution'/></entity></fetch>";
        LabHttp.Reply r = http.get(admin, "sensei_issues?fetchXml=" + enc(fetch), "Prefer",
                "odata.include-annotations=\"Microsoft.Dynamics.CRM.fetchxmlpagingcookie,Microsoft.Dynamics.CRM.morerecords\"");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("value")).hasSize(4);
        assertThat(r.json().path("value").get(0).has("sensei_resolution")).isFalse();
        assertThat(r.json().path("@Microsoft.Dynamics.CRM.morerecords").asBoolean()).isTrue();
        assertThat(r.json().path("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").asText()).startsWith("<cookie pagenumber=\"2\" pagingcookie=\"%253ccookie");
    }

    private static List<String> names(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.path("value").forEach(v -> out.add(v.path("sensei_name").asText()));
        return out;
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }
}
