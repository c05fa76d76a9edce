package io.ppmlab.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.odata.ODataQueryException;
import io.ppmlab.emulator.query.apply.ApplyText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.ppmlab.emulator.query.QueryFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** $apply: the grammar, the product's documented queries verbatim, grouping, aggregates and the errors. */
class ApplyQueriesTest {
    private static final QueryFixture LAB = new QueryFixture();
    private static final QueryEngine ENGINE = LAB.engine(organization());
    private static final Caller ADMIN = caller("admin");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "groupby((statuscode))|[]|[[statuscode]]|[]",
            "groupby((statuscode),aggregate($count as count))|[]|[[statuscode]]|[Aggregate[path=[], method=count, alias=count]]",
            "filter(statecode eq 0)/groupby((a, b/c))|[statecode eq 0]|[[a], [b, c]]|[]",
            "aggregate(x with sum as t, y with average as a, z with max as m)|[]|[]|[Aggregate[path=[x], method=sum, alias=t], Aggregate[path=[y], method=average, alias=a], Aggregate[path=[z], method=max, alias=m]]",
            "filter(contains(name,'a)b'))/aggregate($count as n)|[contains(name,'a)b')]|[]|[Aggregate[path=[], method=count, alias=n]]"})
    void grammar(String text, String filters, String groups, String aggregates) {
        ApplyText.Parsed p = ApplyText.parse(text);
        assertThat(p.filters().toString()).isEqualTo(filters);
        assertThat(p.groupBy().toString()).isEqualTo(groups);
        assertThat(p.aggregates().toString()).isEqualTo(aggregates);
    }

    @Test
    void theProductsDocumentedProgramQueryWorksVerbatim() {
        String program = id("sensei_program", "HR Program 2").toString();
        JsonNode body = json(ENGINE.get(ADMIN, "sensei_programs(" + program + ")/sensei_project_sensei_program?$apply="
                + encode("groupby((sensei_program/sensei_programid),aggregate(sensei_effortremaining with sum as total))"), Map.of()));
        assertThat(body.path("value")).hasSize(1);
        JsonNode group = body.path("value").get(0);
        assertThat(group.path("sensei_program_sensei_programid").asText()).isEqualTo(program);
        assertThat(group.path("total").decimalValue()).isEqualByComparingTo("700");
    }

    @Test
    void theProductsDocumentedChangeRequestQueryWorksVerbatim() {
        String project = id("sensei_project", "IT Project 2").toString();
        JsonNode body = json(ENGINE.get(ADMIN, "sensei_changerequests?$select=sensei_costestimate&$filter="
                + encode("_sensei_project_value eq '" + project + "' and statuscode eq 955000002"), Map.of()));
        assertThat(body.path("value")).hasSize(1);
        assertThat(body.path("value").get(0).path("sensei_costestimate").decimalValue()).isEqualByComparingTo("24000");
    }

    @Test
    void groupByWithCountAndFormattedValues() {
        JsonNode body = json(ENGINE.get(ADMIN, "sensei_changerequests?$apply=" + encode("groupby((statuscode),aggregate($count as count))"),
                prefer("odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"")));
        assertThat(body.path("@odata.context").asText()).endsWith("$metadata#sensei_changerequests");
        JsonNode first = body.path("value").get(0);
        assertThat(first.path("statuscode").asInt()).isEqualTo(955000000);
        assertThat(first.path("statuscode@OData.Community.Display.V1.FormattedValue").asText()).isEqualTo("Submitted");
        assertThat(first.path("count").asInt()).isEqualTo(6);
        assertThat(first.path("count@OData.Community.Display.V1.FormattedValue").asText()).isEqualTo("6");
    }

    @Test
    void groupByARelatedColumnUsesTheGeneratedAlias() {
        JsonNode body = json(ENGINE.get(ADMIN, "sensei_projects?$apply="
                + encode("filter(startswith(sensei_name,'IT'))/groupby((sensei_program/sensei_name),aggregate(sensei_effort with average as avg,sensei_effort with min as lo,sensei_effort with max as hi))"), Map.of()));
        assertThat(body.path("value")).hasSize(3);
        JsonNode first = body.path("value").get(0);
        assertThat(first.path("sensei_program_sensei_name").asText()).isEqualTo("IT Program 1");
        assertThat(first.path("avg").decimalValue()).isEqualByComparingTo("400");
        assertThat(first.path("lo").decimalValue()).isEqualByComparingTo(first.path("hi").decimalValue());
    }

    @Test
    void distinctValuesThroughGroupByAlone() {
        JsonNode body = json(ENGINE.get(ADMIN, "sensei_risks?$apply=" + encode("groupby((sensei_probability,sensei_impact))"), Map.of()));
        assertThat(body.path("value").size()).isBetween(1, 4);
        assertThat(body.path("value").get(0).has("sensei_probability")).isTrue();
    }

    @Test
    void errorsAsDataverseGivesThem() {
        assertThatThrownBy(() -> ENGINE.get(ADMIN, "sensei_projects?$apply=" + encode("groupby((createdon))"), Map.of()))
                .isInstanceOf(ODataQueryException.class).hasMessageContaining("datetime");
        assertThatThrownBy(() -> ENGINE.get(ADMIN, "sensei_projects?$apply=" + encode("aggregate(sensei_name with countdistinct as n)"), Map.of()))
                .isInstanceOf(ODataQueryException.class);
        assertThatThrownBy(() -> ENGINE.get(ADMIN, "sensei_projects?$apply=" + encode("aggregate(sensei_name with sum as n)"), Map.of()))
                .isInstanceOf(ODataQueryException.class);
        assertThatThrownBy(() -> ENGINE.get(ADMIN, "sensei_projects?$apply=" + encode("compute(x as y)"), Map.of()))
                .isInstanceOf(ODataQueryException.class);
        assertThatThrownBy(() -> ENGINE.get(ADMIN, "sensei_projects?$apply=" + encode("groupby((nothere))"), Map.of()))
                .isInstanceOf(ODataQueryException.class);
    }

    @Test
    void moreThanFiftyThousandRowsIsTheAggregateLimit() {
        QueryFixture big = new QueryFixture(false);
        List<io.ppmlab.emulator.store.Mutation> rows = new java.util.ArrayList<>();
        for (int i = 0; i <= 50_000; i++) {
            rows.add(new io.ppmlab.emulator.store.Mutation.Put(new io.ppmlab.schema.Row("sensei_keydate",
                    new java.util.UUID(7, i), Map.of("sensei_name", "k" + i))));
        }
        big.store.apply(rows);
        QueryEngine engine = big.engine(organization());
        assertThatThrownBy(() -> engine.get(ADMIN, "sensei_keydates?$apply=" + encode("aggregate($count as n)"), Map.of()))
                .isInstanceOf(ODataQueryException.class).satisfies(e -> assertThat(((ODataQueryException) e).code()).isEqualTo("0x8004E023"));
        String fetch = "<fetch aggregate='true'><entity name='sensei_keydate'><attribute name='sensei_keydateid' aggregate='count' alias='n'/></entity></fetch>";
        assertThatThrownBy(() -> engine.get(ADMIN, "sensei_keydates?fetchXml=" + encode(fetch), Map.of()))
                .isInstanceOf(ODataQueryException.class).satisfies(e -> assertThat(((ODataQueryException) e).code()).isEqualTo("0x8004E023"));
        // a filter that leaves fewer rows is fine; and $count=true is capped at 5,000 with the annotations
        JsonNode n = json(engine.get(ADMIN, "sensei_keydates?$apply=" + encode("filter(startswith(sensei_name,'k1'))/aggregate($count as n)"), Map.of()));
        assertThat(n.path("value").get(0).path("n").asInt()).isEqualTo(11_111);
        JsonNode counted = json(engine.get(ADMIN, "sensei_keydates?$select=sensei_name&$count=true&$top=1",
                prefer("odata.include-annotations=\"*\"")));
        assertThat(counted.path("@odata.count").asInt()).isEqualTo(5000);
        assertThat(counted.path("@Microsoft.Dynamics.CRM.totalrecordcount").asInt()).isEqualTo(5000);
        assertThat(counted.path("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded").asBoolean()).isTrue();
        assertThat(text(engine.get(ADMIN, "sensei_keydates/$count", Map.of()))).isEqualTo("5000");
        // a page without $top is 5,000 rows with a next link
        JsonNode page = json(engine.get(ADMIN, "sensei_keydates?$select=sensei_name", Map.of()));
        assertThat(page.path("value").size()).isEqualTo(5000);
        assertThat(page.has("@odata.nextLink")).isTrue();
    }

    private static String encode(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }
}
