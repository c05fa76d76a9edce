package io.ppmlab.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.DataverseException;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.ppmlab.emulator.query.QueryFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every read path honours the caller's read scope: lists, counts, filters through lookups, lambdas, expands,
 * navigation paths, later pages, $apply aggregates and FetchXML links. Blue reads at Business Unit depth (IT);
 * Red and Green at User depth through their M365-group teams, Red also through the share of
 * "HR Project 2 - Risk 2" whose project she cannot read.
 */
class SecurityPathsTest {
    private static final QueryFixture LAB = new QueryFixture();
    private static final QueryEngine BU = LAB.engine(businessUnit());
    private static final QueryEngine USER = LAB.engine(user());
    private static final QueryEngine ORG = LAB.engine(organization());
    private static final Caller BLUE = caller("blue");
    private static final Caller RED = caller("red");
    private static final Caller GREEN = caller("green");
    private static final String SHARED_RISK = "HR Project 2 - Risk 2";

    @Test
    void listsAndCountsHoldOnlyReadableRows() {
        assertThat(names(BU.get(BLUE, "sensei_projects?$select=sensei_name&$count=true", Map.of())))
                .containsExactlyInAnyOrder("IT Project 1", "IT Project 2", "IT Project 3");
        assertThat(json(BU.get(BLUE, "sensei_projects?$select=sensei_name&$count=true", Map.of())).path("@odata.count").asInt()).isEqualTo(3);
        assertThat(text(BU.get(BLUE, "sensei_projects/$count", Map.of()))).isEqualTo("3");
        assertThat(names(USER.get(GREEN, "sensei_projects?$select=sensei_name", Map.of()))).isEmpty();
        assertThat(names(USER.get(RED, "sensei_projects?$select=sensei_name", Map.of()))).containsExactlyInAnyOrder("IT Project 2", "HR Project 1");
        assertThat(names(USER.get(RED, "sensei_risks?$select=sensei_name&$filter=startswith(sensei_name,'HR%20Project%202')", Map.of())))
                .containsExactly(SHARED_RISK);
    }

    @Test
    void noReadPrivilegeIsA403() {
        QueryEngine denied = LAB.engine(without("sensei_project"));
        assertThatThrownBy(() -> denied.get(RED, "sensei_projects", Map.of())).isInstanceOf(DataverseException.class)
                .satisfies(e -> assertThat(((DataverseException) e).code()).isEqualTo("0x80040220"));
    }

    @Test
    void filteringThroughAnUnreadableParentMatchesNothing() {
        for (String f : List.of("sensei_project/sensei_name eq 'HR Project 2'", "sensei_project/sensei_name eq null",
                "sensei_project/sensei_name ne 'X'", "not (sensei_project/sensei_name eq 'X')",
                "startswith(sensei_project/sensei_name,'HR')")) {
            assertThat(names(USER.get(RED, "sensei_risks?$select=sensei_name&$filter=" + encode(f), Map.of())))
                    .as(f).doesNotContain(SHARED_RISK);
        }
        // Its own columns and lookup value are readable: the same row does match on them.
        String own = "_sensei_project_value eq " + id("sensei_project", "HR Project 2");
        assertThat(names(USER.get(RED, "sensei_risks?$select=sensei_name&$filter=" + encode(own), Map.of()))).containsExactly(SHARED_RISK);
    }

    @Test
    void lambdasSeeOnlyReadableChildren() {
        QueryEngine noRisks = LAB.engine(without("sensei_risk"));
        assertThat(names(noRisks.get(RED, "sensei_projects?$select=sensei_name&$filter="
                + encode("sensei_risk_sensei_project/any(r:r/sensei_riskscore ge 0)"), Map.of()))).isEmpty();
        assertThat(names(noRisks.get(RED, "sensei_projects?$select=sensei_name&$filter="
                + encode("sensei_risk_sensei_project/all(r:r/sensei_riskscore ge 100)"), Map.of()))).hasSize(6);
    }

    @Test
    void expandsNeverReachUnreadableRows() {
        JsonNode shared = json(USER.get(RED, "sensei_risks?$select=sensei_name&$filter=" + encode("sensei_name eq '" + SHARED_RISK + "'")
                + "&$expand=sensei_project($select=sensei_name)", Map.of())).path("value").get(0);
        assertThat(shared.path("sensei_project").isNull()).isTrue();
        QueryEngine noRisks = LAB.engine(without("sensei_risk"));
        JsonNode project = json(noRisks.get(RED, "sensei_projects?$select=sensei_name&$top=1&$expand=sensei_risk_sensei_project", Map.of()))
                .path("value").get(0);
        assertThat(project.path("sensei_risk_sensei_project")).isEmpty();
    }

    @Test
    void navigationFromAnUnreadableParentIsRefusedAndChildrenAreFiltered() {
        String hidden = "sensei_projects(" + id("sensei_project", "HR Project 2") + ")/sensei_risk_sensei_project";
        assertThatThrownBy(() -> USER.get(RED, hidden, Map.of())).isInstanceOf(DataverseException.class)
                .satisfies(e -> assertThat(((DataverseException) e).status()).isEqualTo(403));
        assertThatThrownBy(() -> USER.get(RED, hidden + "/$count", Map.of())).isInstanceOf(DataverseException.class);
        String visible = "sensei_projects(" + id("sensei_project", "HR Project 1") + ")/sensei_risk_sensei_project?$select=sensei_name";
        assertThat(names(USER.get(RED, visible, Map.of()))).containsExactlyInAnyOrder("HR Project 1 - Risk 1", "HR Project 1 - Risk 2");
        String lookup = "sensei_risks(" + id("sensei_risk", SHARED_RISK) + ")/sensei_project";
        assertThatThrownBy(() -> USER.get(RED, lookup, Map.of())).isInstanceOf(DataverseException.class);
    }

    @Test
    void laterPagesStayInsideTheScope() {
        Map<String, String> h = prefer("odata.maxpagesize=3");
        List<String> all = new ArrayList<>();
        String url = "sensei_risks?$select=sensei_name";
        while (url != null) {
            ApiResponse page = BU.get(BLUE, url, h);
            all.addAll(names(page));
            String next = json(page).path("@odata.nextLink").asText(null);
            url = next == null ? null : next.substring(next.indexOf("v9.2/") + 5);
        }
        assertThat(all).isNotEmpty().allMatch(n -> n.startsWith("IT "));
        assertThat(all).hasSize(names(BU.get(BLUE, "sensei_risks?$select=sensei_name", Map.of())).size());
    }

    @Test
    void aggregatesCountAndSumOnlyReadableRows() {
        String q = "sensei_projects?$apply=" + encode("aggregate(sensei_effortremaining with sum as total,$count as n)");
        JsonNode blue = json(BU.get(BLUE, q, Map.of())).path("value").get(0);
        assertThat(blue.path("total").decimalValue()).isEqualByComparingTo("1800");
        assertThat(blue.path("n").asInt()).isEqualTo(3);
        JsonNode admin = json(ORG.get(BLUE, q, Map.of())).path("value").get(0);
        assertThat(admin.path("total").decimalValue()).isEqualByComparingTo("3900");
        JsonNode green = json(USER.get(GREEN, q, Map.of())).path("value").get(0);
        assertThat(green.path("n").asInt()).isZero();
    }

    @Test
    void fetchXmlLinksJoinOnlyReadableRows() {
        String inner = "<fetch><entity name='sensei_risk'><attribute name='sensei_name'/>"
                + "<filter><condition attribute='sensei_name' operator='eq' value='" + SHARED_RISK + "'/></filter>"
                + "<link-entity name='sensei_project' from='sensei_projectid' to='sensei_project' alias='p'>"
                + "<attribute name='sensei_name'/></link-entity></entity></fetch>";
        assertThat(json(USER.get(RED, "sensei_risks?fetchXml=" + encode(inner), Map.of())).path("value")).isEmpty();
        String outer = inner.replace("alias='p'", "alias='p' link-type='outer'");
        JsonNode row = json(USER.get(RED, "sensei_risks?fetchXml=" + encode(outer), Map.of())).path("value").get(0);
        assertThat(row.path("sensei_name").asText()).isEqualTo(SHARED_RISK);
        assertThat(row.has("p.sensei_name")).isFalse();
        String count = "<fetch aggregate='true'><entity name='sensei_project'><attribute name='sensei_projectid' aggregate='count' alias='n'/></entity></fetch>";
        assertThat(json(BU.get(BLUE, "sensei_projects?fetchXml=" + encode(count), Map.of())).path("value").get(0).path("n").asInt()).isEqualTo(3);
    }

    private static List<String> names(ApiResponse r) { return values(r, "sensei_name"); }

    private static String encode(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }
}
