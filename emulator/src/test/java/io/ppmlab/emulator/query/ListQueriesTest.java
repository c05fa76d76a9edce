package io.ppmlab.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.odata.ODataQueryException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.ppmlab.emulator.query.QueryFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** $select, $orderby, $top, $count, paging and $expand through the plain Java API, as the admin sees the demo. */
class ListQueriesTest {
    private static final QueryFixture LAB = new QueryFixture();
    private static final QueryEngine ENGINE = LAB.engine(organization());
    private static final Caller ADMIN = caller("admin");

    @Test
    void selectWritesOnlyTheSelectedColumnsAndTheKey() {
        JsonNode row = json(ENGINE.get(ADMIN, "sensei_projects?$select=sensei_name&$top=1", Map.of())).path("value").get(0);
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("@odata.etag", "sensei_name", "sensei_projectid");
    }

    @Test
    void contextNamesTheSetAndSelection() {
        JsonNode body = json(ENGINE.get(ADMIN, "sensei_projects?$select=sensei_name&$expand=sensei_program($select=sensei_name)", Map.of()));
        assertThat(body.path("@odata.context").asText())
                .isEqualTo("http://localhost/api/data/v9.2/$metadata#sensei_projects(sensei_name,sensei_program(sensei_name))");
    }

    @Test
    void orderBySeveralKeysAscAndDesc() {
        ApiResponse r = ENGINE.get(ADMIN, "sensei_projects?$select=sensei_name&$orderby=sensei_priority desc,sensei_name asc", Map.of());
        assertThat(values(r, "sensei_name")).containsExactly("HR Project 3", "IT Project 3", "HR Project 2", "IT Project 2",
                "HR Project 1", "IT Project 1");
    }

    @Test
    void orderByLookupSortsByTheTargetsPrimaryName() {
        ApiResponse r = ENGINE.get(ADMIN, "sensei_projects?$select=sensei_name&$orderby=_sensei_program_value desc", Map.of());
        assertThat(values(r, "sensei_name")).containsExactly("IT Project 3", "IT Project 2", "IT Project 1",
                "HR Project 3", "HR Project 2", "HR Project 1");
    }

    @Test
    void orderByThroughALookup() {
        ApiResponse r = ENGINE.get(ADMIN, "sensei_projects?$select=sensei_name&$orderby=sensei_program/sensei_name", Map.of());
        assertThat(values(r, "sensei_name")).containsExactly("HR Project 1", "HR Project 2", "HR Project 3",
                "IT Project 1", "IT Project 2", "IT Project 3");
    }

    @Test
    void topLimitsAndCountCountsAll() {
        JsonNode body = json(ENGINE.get(ADMIN, "sensei_projects?$select=sensei_name&$top=2&$count=true", Map.of()));
        assertThat(body.path("value")).hasSize(2);
        assertThat(body.path("@odata.count").asInt()).isEqualTo(6);
        assertThat(body.has("@odata.nextLink")).isFalse();
    }

    @Test
    void totalRecordCountAnnotationsFollowDataverse() {
        Map<String, String> h = prefer("odata.include-annotations=\"Microsoft.Dynamics.CRM.*\"");
        JsonNode counted = json(ENGINE.get(ADMIN, "sensei_risks?$select=sensei_name&$count=true", h));
        assertThat(counted.path("@Microsoft.Dynamics.CRM.totalrecordcount").asInt()).isEqualTo(counted.path("@odata.count").asInt());
        assertThat(counted.path("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded").asBoolean()).isFalse();
        JsonNode uncounted = json(ENGINE.get(ADMIN, "sensei_risks?$select=sensei_name", h));
        assertThat(uncounted.path("@Microsoft.Dynamics.CRM.totalrecordcount").asInt()).isEqualTo(-1);
    }

    @Test
    void dollarCountIsPlainText() {
        ApiResponse r = ENGINE.get(ADMIN, "sensei_projects/$count?$filter=startswith(sensei_name,'IT')", Map.of());
        assertThat(r.contentType()).isEqualTo("text/plain");
        assertThat(text(r)).isEqualTo("3");
    }

    @Test
    void maxPageSizePagesWithSignedSkipTokensAndIgnoresTop() {
        Map<String, String> h = prefer("odata.maxpagesize=4");
        ApiResponse first = ENGINE.get(ADMIN, "sensei_risks?$select=sensei_name&$top=1", h);
        assertThat(first.headers().get("Preference-Applied")).isEqualTo("odata.maxpagesize=4");
        List<String> all = new ArrayList<>(values(first, "sensei_name"));
        assertThat(all).hasSize(4);
        String next = json(first).path("@odata.nextLink").asText();
        int pages = 1;
        while (!next.isEmpty()) {
            assertThat(next).contains("$skiptoken=%3Ccookie%20pagenumber%3D%22" + (pages + 1) + "%22");
            ApiResponse page = ENGINE.get(ADMIN, next.substring(next.indexOf("v9.2/") + 5), h);
            all.addAll(values(page, "sensei_name"));
            next = json(page).path("@odata.nextLink").asText();
            pages++;
        }
        assertThat(all).doesNotHaveDuplicates().hasSize(LAB.store.count("sensei_risk") > 0 ? (int) LAB.store.count("sensei_risk") : 0);
        assertThat(pages).isGreaterThan(2);
    }

    @Test
    void pagesStayStableWhileRowsAreAdded() {
        QueryFixture lab = new QueryFixture();
        QueryEngine engine = lab.engine(organization());
        Map<String, String> h = prefer("odata.maxpagesize=5");
        List<String> before = values(engine.get(ADMIN, "sensei_issues?$select=sensei_name", Map.of()), "sensei_name");
        List<String> seen = new ArrayList<>();
        String url = "sensei_issues?$select=sensei_name";
        int added = 0;
        while (url != null) {
            ApiResponse page = engine.get(ADMIN, url, h);
            seen.addAll(values(page, "sensei_name"));
            for (int i = 0; i < 3; i++) {
                lab.store.put(new io.ppmlab.schema.Row("sensei_issue", java.util.UUID.randomUUID(), Map.of("sensei_name", "Added " + added++)));
            }
            String next = json(page).path("@odata.nextLink").asText(null);
            url = next == null ? null : next.substring(next.indexOf("v9.2/") + 5);
        }
        assertThat(seen).doesNotHaveDuplicates().containsAll(before);
    }

    @Test
    void pagesWithOrderByAreStableAndComplete() {
        Map<String, String> h = prefer("odata.maxpagesize=5");
        List<String> all = new ArrayList<>();
        String url = "sensei_risks?$select=sensei_name&$orderby=sensei_riskscore desc,sensei_name";
        while (url != null) {
            ApiResponse page = ENGINE.get(ADMIN, url, h);
            all.addAll(values(page, "sensei_name"));
            String next = json(page).path("@odata.nextLink").asText(null);
            url = next == null ? null : next.substring(next.indexOf("v9.2/") + 5);
        }
        List<String> once = values(ENGINE.get(ADMIN, "sensei_risks?$select=sensei_name&$orderby=sensei_riskscore desc,sensei_name", Map.of()), "sensei_name");
        assertThat(all).containsExactlyElementsOf(once);
    }

    @Test
    void tamperedForeignAndMismatchedTokensAreRefused() {
        Map<String, String> h = prefer("odata.maxpagesize=2");
        String next = json(ENGINE.get(ADMIN, "sensei_projects?$select=sensei_name", h)).path("@odata.nextLink").asText();
        String path = next.substring(next.indexOf("v9.2/") + 5);
        // another user
        assertThatThrownBy(() -> ENGINE.get(caller("pmo"), path, h)).isInstanceOf(ODataQueryException.class)
                .hasMessageContaining("$skiptoken");
        // another page size
        assertThatThrownBy(() -> ENGINE.get(ADMIN, path, prefer("odata.maxpagesize=3"))).isInstanceOf(ODataQueryException.class);
        // another query with the same token
        String other = path.replace("$select=sensei_name", "$select=sensei_description");
        assertThatThrownBy(() -> ENGINE.get(ADMIN, other, h)).isInstanceOf(ODataQueryException.class);
        // an edited token: one character of the signed payload changed
        String marker = "token%253d%2522";
        int at = path.indexOf(marker) + marker.length();
        String edited = path.substring(0, at) + (path.charAt(at) == 'A' ? 'B' : 'A') + path.substring(at + 1);
        assertThatThrownBy(() -> ENGINE.get(ADMIN, edited, h)).isInstanceOf(ODataQueryException.class);
        // garbage
        assertThatThrownBy(() -> ENGINE.get(ADMIN, "sensei_projects?$select=sensei_name&$skiptoken=abc", h))
                .isInstanceOf(ODataQueryException.class);
        // a token from another emulator instance (another key)
        QueryEngine otherInstance = LAB.engineWithRandomKey(organization());
        assertThatThrownBy(() -> otherInstance.get(ADMIN, path, h)).isInstanceOf(ODataQueryException.class);
        // the same token with the same user, query and page size works
        assertThat(json(ENGINE.get(ADMIN, path, h)).path("value")).hasSize(2);
    }

    @Test
    void expandLookupWithNestedSelectAndNoEtag() {
        JsonNode row = json(ENGINE.get(ADMIN, "sensei_projects?$select=sensei_name&$filter=sensei_name eq 'IT Project 2'"
                .replace(" ", "%20") + "&$expand=sensei_program($select=sensei_name)", Map.of())).path("value").get(0);
        assertThat(row.path("sensei_program").path("sensei_name").asText()).isEqualTo("IT Program 2");
        assertThat(row.path("sensei_program").has("@odata.etag")).isFalse();
        assertThat(row.path("sensei_program").path("sensei_programid").asText()).isEqualTo(id("sensei_program", "IT Program 2").toString());
    }

    @Test
    void expandLookupRefGivesTheIdAndTheLookupValue() {
        JsonNode row = json(ENGINE.get(ADMIN, "sensei_projects?$select=sensei_name&$top=1&$expand=sensei_program/$ref", Map.of()))
                .path("value").get(0);
        assertThat(row.path("sensei_program").path("@odata.id").asText()).startsWith("http://localhost/api/data/v9.2/sensei_programs(");
        assertThat(row.has("_sensei_program_value")).isTrue();
    }

    @Test
    void expandedUserCarriesOwnerid() {
        JsonNode pm = json(ENGINE.get(ADMIN, "sensei_projects?$select=sensei_name&$top=1&$expand=sensei_projectmanager($select=fullname)", Map.of()))
                .path("value").get(0).path("sensei_projectmanager");
        assertThat(pm.path("ownerid").asText()).isEqualTo(pm.path("systemuserid").asText());
    }

    @Test
    void expandCollectionWithOptionsAndPlainNextLink() {
        String q = "sensei_projects?$select=sensei_name&$filter=sensei_name%20eq%20'HR%20Project%202'"
                + "&$expand=sensei_risk_sensei_project($select=sensei_name;$orderby=sensei_name%20desc;$top=1)";
        JsonNode row = json(ENGINE.get(ADMIN, q, Map.of())).path("value").get(0);
        JsonNode risks = row.path("sensei_risk_sensei_project");
        assertThat(risks).hasSize(1);
        assertThat(risks.get(0).path("sensei_name").asText()).isEqualTo("HR Project 2 - Risk 2");
        assertThat(risks.get(0).has("@odata.etag")).isTrue();
        assertThat(risks.get(0).path("_sensei_project_value").asText()).isEqualTo(id("sensei_project", "HR Project 2").toString());
        assertThat(row.path("sensei_risk_sensei_project@odata.nextLink").asText()).isEqualTo("http://localhost/api/data/v9.2/sensei_projects("
                + id("sensei_project", "HR Project 2") + ")/sensei_risk_sensei_project?$select=sensei_name&$orderby=sensei_name%20desc&$top=1");
    }

    @Test
    void nestedExpandPagesEachCollectionWithTokensThatWork() {
        Map<String, String> h = prefer("odata.maxpagesize=1");
        String q = "sensei_programs?$select=sensei_name&$filter=sensei_name%20eq%20'IT%20Program%201'"
                + "&$expand=sensei_project_sensei_program($select=sensei_name;$expand=sensei_risk_sensei_project($select=sensei_name))";
        JsonNode program = json(ENGINE.get(ADMIN, q, h)).path("value").get(0);
        JsonNode project = program.path("sensei_project_sensei_program").get(0);
        assertThat(project.has("@odata.etag")).isFalse();
        JsonNode risks = project.path("sensei_risk_sensei_project");
        assertThat(risks).hasSize(1);
        String next = project.path("sensei_risk_sensei_project@odata.nextLink").asText();
        assertThat(next).contains("$skiptoken=");
        JsonNode second = json(ENGINE.get(ADMIN, next.substring(next.indexOf("v9.2/") + 5), h));
        assertThat(second.path("value")).hasSize(1);
        assertThat(second.path("value").get(0).path("sensei_name").asText()).isNotEqualTo(risks.get(0).path("sensei_name").asText());
    }

    @Test
    void nestedNextLinksCarryTheirFiltersAndParseBackToTheSameQuery() {
        Map<String, String> h = prefer("odata.maxpagesize=1");
        String q = "sensei_programs?$select=sensei_name&$filter=sensei_name%20eq%20'HR%20Program%202'"
                + "&$expand=sensei_project_sensei_program($select=sensei_name;$filter=startswith(sensei_name,'HR')"
                + ";$expand=sensei_risk_sensei_project($select=sensei_name;$filter=sensei_riskscore%20ge%202%20and%20"
                + "Microsoft.Dynamics.CRM.In(PropertyName='sensei_probability',PropertyValues=['955000000','955000001'])))";
        JsonNode project = json(ENGINE.get(ADMIN, q, h)).path("value").get(0).path("sensei_project_sensei_program").get(0);
        String next = project.path("sensei_risk_sensei_project@odata.nextLink").asText();
        assertThat(next).contains("$filter=").contains("$skiptoken=");
        JsonNode second = json(ENGINE.get(ADMIN, next.substring(next.indexOf("v9.2/") + 5), h));
        assertThat(second.path("value")).hasSize(1);
        assertThat(second.has("@odata.nextLink")).isFalse();
    }

    @Test
    void navigationPathsListCountAndFollowLookups() {
        String program = "sensei_programs(" + id("sensei_program", "HR Program 2") + ")";
        assertThat(values(ENGINE.get(ADMIN, program + "/sensei_project_sensei_program?$select=sensei_name", Map.of()), "sensei_name"))
                .containsExactly("HR Project 2");
        assertThat(text(ENGINE.get(ADMIN, program + "/sensei_risk_sensei_program/$count", Map.of()))).isEqualTo("1");
        JsonNode portfolio = json(ENGINE.get(ADMIN, program + "/sensei_portfolio?$select=sensei_name", Map.of()));
        assertThat(portfolio.path("sensei_name").asText()).isEqualTo("HR Portfolio 2");
        assertThat(portfolio.path("@odata.context").asText()).endsWith("$metadata#sensei_portfolios(sensei_name)/$entity");
    }

    @Test
    void moreThanFiveHundredConditionsAreTooMany() {
        StringBuilder f = new StringBuilder("statecode%20eq%200");
        for (int i = 0; i < 500; i++) f.append("%20or%20statecode%20eq%20").append(i);
        assertThatThrownBy(() -> ENGINE.get(ADMIN, "sensei_projects?$filter=" + f, Map.of())).isInstanceOf(ODataQueryException.class)
                .satisfies(e -> assertThat(((ODataQueryException) e).code()).isEqualTo("0x8004430C"));
    }

    @Test
    void moreThanFifteenExpandsAreRefused() {
        StringBuilder q = new StringBuilder("sensei_projects?$expand=");
        String[] navs = {"sensei_program", "sensei_portfolio", "sensei_projectmanager", "sensei_enterprisecalendar", "sensei_proposal",
                "transactioncurrencyid", "createdby", "modifiedby", "owninguser", "owningteam", "owningbusinessunit",
                "sensei_risk_sensei_project", "sensei_issue_sensei_project", "sensei_task_sensei_project",
                "sensei_changerequest_sensei_project", "sensei_decision_sensei_project"};
        q.append(String.join(",", navs));
        assertThatThrownBy(() -> ENGINE.get(ADMIN, q.toString(), Map.of())).isInstanceOf(ODataQueryException.class)
                .hasMessageContaining("at most 15");
    }
}
