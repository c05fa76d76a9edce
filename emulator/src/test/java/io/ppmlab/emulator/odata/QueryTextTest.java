package io.ppmlab.emulator.odata;

import static io.ppmlab.emulator.odata.Urls.ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text rewrites that run before Olingo; each must leave string literals alone. */
class QueryTextTest {
    private static final Set<String> GUIDS = Set.of("_sensei_project_value", "sensei_projectid");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "_sensei_project_value eq '$G'|_sensei_project_value eq $g",
            "_sensei_project_value ne '{$G}'|_sensei_project_value ne $g",
            "'$G' eq _sensei_project_value|$g eq _sensei_project_value",
            "sensei_project/sensei_projectid eq '$G'|sensei_project/sensei_projectid eq $g",
            "sensei_name eq '$G'|sensei_name eq '$G'",
            "_sensei_project_value eq 'not-a-guid'|_sensei_project_value eq 'not-a-guid'",
            "sensei_name eq 'x _sensei_project_value eq ''$G'''|sensei_name eq 'x _sensei_project_value eq ''$G'''",
            "contains(_sensei_project_value,'$G')|contains(_sensei_project_value,'$G')"})
    void unquotesGuidsComparedWithGuidProperties(String in, String out) {
        String upper = ID.toUpperCase();
        assertThat(QueryText.unquoteGuids(in.replace("$G", upper), GUIDS))
                .isEqualTo(out.replace("$G", upper).replace("$g", ID));
    }

    @Test void turnsSingleQuotedArraysIntoJson() {
        assertThat(QueryText.jsonArrays("In(PropertyName='a',PropertyValues=['x','O''B','say \"hi\"'])"))
                .isEqualTo("In(PropertyName='a',PropertyValues=[\"x\",\"O'B\",\"say \\\"hi\\\"\"])");
        assertThat(QueryText.jsonArrays("x eq '[''a'']'")).isEqualTo("x eq '[''a'']'");
        assertThat(QueryText.jsonArrays("PropertyValues=[\"1\",\"2\"]")).isEqualTo("PropertyValues=[\"1\",\"2\"]");
    }

    @Test void substitutesAliasesOutsideLiterals() {
        assertThat(QueryText.substituteAliases("a eq @p1 and b eq '@p1' and c eq @p2", Map.of("@p1", "'x'")))
                .isEqualTo("a eq 'x' and b eq '@p1' and c eq null");
    }

    @Test void decodesPlusAndPercentAndRoundTrips() {
        List<QueryText.Option> options = QueryText.split("%24filter=a+eq+%27%C3%A9+%2B%27&flag&$top=1");
        assertThat(options).containsExactly(new QueryText.Option("$filter", "a eq 'é +'"),
                new QueryText.Option("flag", ""), new QueryText.Option("$top", "1"));
        assertThat(QueryText.split(QueryText.join(options))).isEqualTo(options);
    }
}
