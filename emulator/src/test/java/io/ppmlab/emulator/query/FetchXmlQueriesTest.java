package io.ppmlab.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.odata.ODataQueryException;
import io.ppmlab.emulator.query.fetchxml.FetchXml;
import io.ppmlab.emulator.query.fetchxml.FetchXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.ppmlab.emulator.query.QueryFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FetchXML over the Web API: parsing (hardened), attributes, filters, links, order, paging and aggregates. */
class FetchXmlQueriesTest {
    private static final QueryFixture LAB = new QueryFixture();
    private static final QueryEngine ENGINE = LAB.engine(organization());
    private static final Caller ADMIN = caller("admin");
    private static final Map<String, String> PAGING = prefer(
            "odata.include-annotations=\"Microsoft.Dynamics.CRM.fetchxmlpagingcookie,Microsoft.Dynamics.CRM.morerecords\"");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<condition attribute='a' operator='eq' value='1'/>|(a eq '1')",
            "<condition attribute='a' operator='in'><value>x</value><value>y</value></condition>|In(a,'x','y')",
            "<condition attribute='a' operator='like' value='%x%'/>|like(a,'%x%')",
            "<condition attribute='a' operator='begins-with' value='x'/>|like(a,'x%')",
            "<condition attribute='a' operator='null'/>|(a eq null)",
            "<condition attribute='a' operator='not-null'/>|(a ne null)",
            "<condition attribute='ownerid' operator='eq-userid'/>|EqualUserId(ownerid)",
            "<condition attribute='owningbusinessunit' operator='under' value='x'/>|Under(owningbusinessunit,'x')",
            "<condition attribute='d' operator='last-x-days' value='7'/>|LastXDays(d,'7')",
            "<condition attribute='d' operator='olderthan-x-months' value='2'/>|OlderThanXMonths(d,'2')",
            "<condition attribute='d' operator='on-or-after' value='2025-01-01'/>|OnOrAfter(d,'2025-01-01')",
            "<condition attribute='a' operator='between'><value>1</value><value>2</value></condition>|Between(a,'1','2')",
            "<condition attribute='a' operator='gt' valueof='b'/>|(a gt b)",
            "<condition attribute='a' operator='eq' value='1'/><filter type='or'><condition attribute='b' operator='ne' value='2'/><condition entityname='x' attribute='c' operator='lt' value='3'/></filter>|((a eq '1') and ((b ne '2') or (x/c lt '3')))"})
    void conditionsBecomeTheFilterTree(String conditions, String canonical) {
        FetchXml fx = FetchXmlParser.parse("<fetch><entity name='t'><filter>" + conditions + "</filter></entity></fetch>");
        assertThat(fx.root().filter().toCanonicalString()).isEqualTo(canonical);
    }

    @Test
    void externalEntitiesAndDoctypesAreRefused() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE fetch [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<fetch><entity name='sensei_project'><attribute name='sensei_name'/><filter>"
                + "<condition attribute='sensei_name' operator='eq' value='&x;'/></filter></entity></fetch>";
        assertThatThrownBy(() -> FetchXmlParser.parse(xxe)).isInstanceOf(ODataQueryException.class).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> FetchXmlParser.parse("<fetch><entity")).isInstanceOf(ODataQueryException.class);
    }

    @Test
    void nullPropertiesAreLeftOut() {
        List<JsonNode> rows = rows(fetch("sensei_projects", "<fetch><entity name='sensei_project'><attribute name='sensei_name'/>"
                + "<attribute name='sensei_proposal'/><order attribute='sensei_name'/></entity></fetch>"));
        assertThat(rows).hasSize(6);
        assertThat(rows.stream().filter(r -> r.has("_sensei_proposal_value")).count()).isEqualTo(1);
        assertThat(rows.get(0).has("@odata.etag")).isTrue();
        assertThat(rows.get(0).has("sensei_projectid")).isTrue();
    }

    @Test
    void linkEntitiesWithAliasGeneratedAliasAndOwnFilter() {
        List<JsonNode> rows = rows(fetch("sensei_projects", "<fetch><entity name='sensei_project'><attribute name='sensei_name'/>"
                + "<link-entity name='sensei_program' from='sensei_programid' to='sensei_program' alias='prog'>"
                + "<attribute name='sensei_name' alias='pname'/><attribute name='sensei_portfolio'/>"
                + "<filter><condition attribute='sensei_name' operator='like' value='HR%'/></filter></link-entity>"
                + "<link-entity name='sensei_portfolio' from='sensei_portfolioid' to='sensei_portfolio'><attribute name='sensei_name'/></link-entity>"
                + "<order attribute='sensei_name'/></entity></fetch>"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).path("sensei_name").asText()).isEqualTo("HR Project 1");
        assertThat(rows.get(0).path("prog.pname").asText()).isEqualTo("HR Program 1");
        assertThat(rows.get(0).path("prog.sensei_portfolio").asText()).isEqualTo(id("sensei_portfolio", "HR Portfolio 1").toString());
        assertThat(rows.get(0).path("sensei_portfolio1.sensei_name").asText()).isEqualTo("HR Portfolio 1");
        assertThat(rows.get(0).has("prog.sensei_programid")).isFalse();
    }

    @Test
    void oneToManyLinkMultipliesRowsAndRootFilterCanReadTheLink() {
        List<JsonNode> rows = rows(fetch("sensei_projects", "<fetch><entity name='sensei_project'><attribute name='sensei_name'/>"
                + "<link-entity name='sensei_risk' from='sensei_project' to='sensei_projectid' alias='r'><attribute name='sensei_riskscore'/></link-entity>"
                + "<filter><condition entityname='r' attribute='sensei_riskscore' operator='gt' value='5'/></filter></entity></fetch>"));
        assertThat(rows).hasSize(6).allMatch(r -> r.path("r.sensei_riskscore").asInt() == 6);
    }

    @Test
    void ordersAChoiceByItsLabel() {
        List<JsonNode> rows = rows(fetch("sensei_projects", "<fetch><entity name='sensei_project'><attribute name='sensei_name'/>"
                + "<attribute name='sensei_priority'/><filter><condition attribute='sensei_name' operator='begins-with' value='IT'/></filter>"
                + "<order attribute='sensei_priority'/></entity></fetch>"));
        List<Integer> priorities = rows.stream().map(r -> r.path("sensei_priority").asInt()).toList();
        assertThat(priorities).containsExactly(955000002, 955000000, 955000001); // High, Low, Medium
    }

    @Test
    void pagesWithCountPageAndThePagingCookie() {
        String fetch = "<fetch count='5' page='%d'%s><entity name='sensei_risk'><attribute name='sensei_name'/></entity></fetch>";
        ApiResponse first = fetch("sensei_risks", String.format(fetch, 1, ""), PAGING);
        JsonNode body = json(first);
        assertThat(body.path("value")).hasSize(5);
        assertThat(body.path("@Microsoft.Dynamics.CRM.morerecords").asBoolean()).isTrue();
        List<String> seen = new ArrayList<>(values(first, "sensei_name"));
        int page = 1;
        String annotation = body.path("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").asText();
        while (!annotation.isEmpty()) {
            Matcher m = Pattern.compile("pagingcookie=\"([^\"]+)\"").matcher(annotation);
            assertThat(m.find()).isTrue();
            String cookie = URLDecoder.decode(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            page++;
            String next = String.format(fetch, page, " paging-cookie='" + cookie.replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;") + "'");
            ApiResponse r = fetch("sensei_risks", next, PAGING);
            seen.addAll(values(r, "sensei_name"));
            annotation = json(r).path("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").asText();
            if (annotation.isEmpty()) assertThat(json(r).has("@Microsoft.Dynamics.CRM.morerecords")).isFalse();
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize((int) LAB.store.count("sensei_risk"));
        // simple paging, no cookie, reaches the same second page
        assertThat(values(fetch("sensei_risks", String.format(fetch, 2, ""), PAGING), "sensei_name")).containsExactlyElementsOf(seen.subList(5, 10));
    }

    @Test
    void topAndDistinct() {
        assertThat(rows(fetch("sensei_risks", "<fetch top='3'><entity name='sensei_risk'><attribute name='sensei_name'/></entity></fetch>"))).hasSize(3);
        List<JsonNode> distinct = rows(fetch("sensei_risks", "<fetch distinct='true'><entity name='sensei_risk'>"
                + "<attribute name='sensei_probability'/></entity></fetch>"));
        assertThat(distinct).hasSize(2).allMatch(r -> !r.has("sensei_riskid"));
    }

    @Test
    void aggregatesWithGroupByCountSumAvgMinMaxAndDistinctCountColumn() {
        List<JsonNode> rows = rows(fetch("sensei_projects", "<fetch aggregate='true'><entity name='sensei_project'>"
                + "<attribute name='owningbusinessunit' groupby='true' alias='bu'/>"
                + "<attribute name='sensei_projectid' aggregate='count' alias='n'/>"
                + "<attribute name='sensei_effortremaining' aggregate='sum' alias='remaining'/>"
                + "<attribute name='sensei_effort' aggregate='avg' alias='avg'/>"
                + "<attribute name='sensei_effort' aggregate='min' alias='lo'/>"
                + "<attribute name='sensei_effort' aggregate='max' alias='hi'/>"
                + "<attribute name='sensei_priority' aggregate='countcolumn' distinct='true' alias='priorities'/>"
                + "<attribute name='sensei_projectstart' groupby='true' dategrouping='year' alias='year'/>"
                + "<order alias='remaining' descending='true'/></entity></fetch>"));
        assertThat(rows).hasSize(2);
        JsonNode hr = rows.get(0);
        assertThat(hr.path("remaining").decimalValue()).isEqualByComparingTo("2100");
        assertThat(hr.path("n").asInt()).isEqualTo(3);
        assertThat(hr.path("avg").decimalValue()).isEqualByComparingTo("900");
        assertThat(hr.path("lo").decimalValue()).isEqualByComparingTo("500");
        assertThat(hr.path("hi").decimalValue()).isEqualByComparingTo("1300");
        assertThat(hr.path("priorities").asInt()).isEqualTo(3);
        assertThat(hr.path("year").asInt()).isEqualTo(2025);
        assertThat(hr.path("bu").asText()).isEqualTo(io.ppmlab.datasets.DemoOrganisation.businessUnitId("HR").toString());
    }

    @Test
    void errors() {
        assertThat(code(() -> fetch("sensei_projects", "<fetch><entity name='sensei_risk'/></fetch>"))).isEqualTo("0x80060888");
        assertThat(code(() -> fetch("sensei_projects", "<fetch><entity name='sensei_project'><attribute name='nope'/></entity></fetch>")))
                .isEqualTo("0x80041103");
        assertThat(code(() -> fetch("sensei_projects", "<fetch top='5' count='5'><entity name='sensei_project'/></fetch>"))).isEqualTo("0x80060888");
        assertThat(code(() -> fetch("sensei_projects", "<fetch count='5001'><entity name='sensei_project'/></fetch>"))).isEqualTo("0x80060888");
        assertThat(code(() -> fetch("sensei_projects", "<fetch aggregate='true' aggregatelimit='2'><entity name='sensei_project'>"
                + "<attribute name='sensei_projectid' aggregate='count' alias='n'/></entity></fetch>"))).isEqualTo("0x8004E023");
        StringBuilder many = new StringBuilder("<fetch><entity name='sensei_project'><filter type='or'>");
        for (int i = 0; i < 501; i++) many.append("<condition attribute='sensei_name' operator='eq' value='").append(i).append("'/>");
        many.append("</filter></entity></fetch>");
        assertThat(code(() -> fetch("sensei_projects", many.toString()))).isEqualTo("0x8004430C");
    }

    @Test
    void dateAndUserOperators() {
        assertThat(rows(fetch("sensei_projects", "<fetch><entity name='sensei_project'><attribute name='sensei_name'/><filter>"
                + "<condition attribute='sensei_projectstart' operator='last-x-days' value='10'/></filter></entity></fetch>"))).hasSize(2);
        List<JsonNode> mine = rows(ENGINE.get(caller("red"), "sensei_projects?fetchXml=" + encode("<fetch><entity name='sensei_project'>"
                + "<attribute name='sensei_name'/><filter><condition attribute='sensei_projectmanager' operator='eq-userid'/></filter></entity></fetch>"), Map.of()));
        assertThat(mine).hasSize(2);
    }

    private static ApiResponse fetch(String set, String xml) { return fetch(set, xml, Map.of()); }

    private static ApiResponse fetch(String set, String xml, Map<String, String> headers) {
        return ENGINE.get(ADMIN, set + "?fetchXml=" + encode(xml), headers);
    }

    private static List<JsonNode> rows(ApiResponse r) {
        List<JsonNode> out = new ArrayList<>();
        json(r).path("value").forEach(out::add);
        return out;
    }

    private static String code(Runnable r) {
        try {
            r.run();
            return "no error";
        } catch (ODataQueryException e) {
            return e.code();
        }
    }

    private static String encode(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }
}
