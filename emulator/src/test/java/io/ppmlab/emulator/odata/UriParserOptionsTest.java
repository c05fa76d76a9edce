package io.ppmlab.emulator.odata;

import static io.ppmlab.emulator.odata.Urls.ID;
import static io.ppmlab.emulator.odata.Urls.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.ppmlab.emulator.odata.model.ExpandItem;
import io.ppmlab.emulator.odata.model.Key;
import io.ppmlab.emulator.odata.model.ParsedRequest;
import io.ppmlab.emulator.odata.model.QueryOptions;
import io.ppmlab.emulator.odata.model.ResourcePath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** $select, $orderby, $top, $count, $expand and the raw options, as canonical strings. */
class UriParserOptionsTest {
    private static final UriParser PARSER = new UriParser(ServiceModel.of(TestSchema.SCHEMA));

    static Stream<Arguments> options() {
        return Stream.of(
                arguments("", ""),
                arguments(query("$select", "sensei_name,_sensei_program_value"), "$select=sensei_name,_sensei_program_value"),
                arguments(query("$select", "*"), ""),
                arguments(query("$orderby", "sensei_name desc,createdon"), "$orderby=sensei_name desc,createdon asc"),
                arguments(query("$orderby", "sensei_program/sensei_name asc"), "$orderby=sensei_program/sensei_name asc"),
                arguments(query("$orderby", "@o desc", "@o", "sensei_name"), "$orderby=sensei_name desc"),
                arguments(query("$top", "50", "$count", "true"), "$top=50;$count=true"),
                arguments(query("$count", "false"), ""),
                arguments(query("$expand", "sensei_program"), "$expand=sensei_program"),
                arguments(query("$expand", "sensei_program($select=sensei_name;$filter=statecode eq 0),ownerid"),
                        "$expand=sensei_program($select=sensei_name;$filter=(statecode eq 0)),ownerid"),
                arguments(query("$expand", "sensei_risk_sensei_project($select=sensei_name;$orderby=sensei_probability desc;$top=5)"),
                        "$expand=sensei_risk_sensei_project($select=sensei_name;$orderby=sensei_probability desc;$top=5)"),
                arguments(query("$expand", "sensei_program/$ref"), "$expand=sensei_program/$ref"),
                arguments(query("$expand", "sensei_program($select=sensei_name;$expand=sensei_portfolio($select=sensei_name))"),
                        "$expand=sensei_program($select=sensei_name;$expand=sensei_portfolio($select=sensei_name))"),
                arguments(query("$expand", "sensei_changerequest_sensei_project($filter=_sensei_project_value eq '" + ID + "')"),
                        "$expand=sensei_changerequest_sensei_project($filter=(_sensei_project_value eq " + ID + "))"),
                arguments(query("$skiptoken", "<cookie pagenumber=\"2\" />"), "$skiptoken=<cookie pagenumber=\"2\" />"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("options")
    void parsesOptions(String rawQuery, String canonical) {
        assertThat(PARSER.parse("sensei_projects", rawQuery).options().toCanonicalString()).isEqualTo(canonical);
    }

    @Test void expandItemsKnowTheirTargetAndCardinality() {
        List<ExpandItem> items = PARSER.parse("sensei_projects",
                query("$expand", "sensei_program,sensei_risk_sensei_project,ownerid")).options().expand();
        assertThat(items).extracting(ExpandItem::targetTable).containsExactly("sensei_program", "sensei_risk", "principal");
        assertThat(items).extracting(ExpandItem::collection).containsExactly(false, true, false);
    }

    @Test void changeRequestsOfAProjectVerbatim() {
        String raw = "$select=sensei_costestimate&$filter=_sensei_project_value eq '{" + ID + "}' and statuscode eq 955000002";
        ParsedRequest r = PARSER.parse("sensei_changerequests", raw.replace(" ", "%20"));
        assertThat(r.path()).isEqualTo(new ResourcePath.EntitySet("sensei_changerequest"));
        assertThat(r.options().toCanonicalString()).isEqualTo("$select=sensei_costestimate;"
                + "$filter=((_sensei_project_value eq " + ID + ") and (statuscode eq 955000002))");
    }

    @Test void applyIsKeptAsRawTextVerbatim() {
        String apply = "groupby((sensei_program/sensei_programid),aggregate(sensei_effortremaining with sum as total))";
        ParsedRequest r = PARSER.parse("sensei_programs({" + ID + "})/sensei_project_sensei_program",
                "$apply=" + apply.replace(" ", "%20"));
        assertThat(r.path()).isEqualTo(new ResourcePath.Navigation("sensei_program",
                new Key.IdKey(UUID.fromString(ID)), "sensei_project_sensei_program", "sensei_project", true));
        assertThat(r.options().apply()).contains(apply);
    }

    @Test void optionsWithoutDollarAreKeptForTheEngine() {
        QueryOptions o = PARSER.parse("sensei_projects", query("fetchXml", "<fetch><entity name='sensei_project'/></fetch>")).options();
        assertThat(o.custom()).isEqualTo(Map.of("fetchXml", "<fetch><entity name='sensei_project'/></fetch>"));
    }

    @Test void repeatedUrlsComeFromTheCache() {
        UriParser parser = new UriParser(ServiceModel.of(TestSchema.SCHEMA), 2);
        ParsedRequest first = parser.parse("sensei_projects", query("$top", "1"));
        assertThat(parser.parse("sensei_projects", query("$top", "1"))).isSameAs(first);
        parser.parse("sensei_projects", query("$top", "2"));
        parser.parse("sensei_projects", query("$top", "3"));
        assertThat(parser.cachedEntries()).isEqualTo(2);
        assertThat(parser.parse("sensei_projects", query("$top", "1"))).isNotSameAs(first).isEqualTo(first);
    }
}
