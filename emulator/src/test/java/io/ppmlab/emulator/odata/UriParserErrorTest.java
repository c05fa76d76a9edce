package io.ppmlab.emulator.odata;

import static io.ppmlab.emulator.odata.Urls.ID;
import static io.ppmlab.emulator.odata.Urls.filter;
import static io.ppmlab.emulator.odata.Urls.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refusal comes out as an {@link ODataQueryException} with Dataverse's status, code and wording. */
class UriParserErrorTest {
    private static final UriParser PARSER = new UriParser(ServiceModel.of(TestSchema.SCHEMA));
    private static final String PROJECT = "'Microsoft.Dynamics.CRM.sensei_project'";

    static Stream<Arguments> errors() {
        String conditions501 = IntStream.range(0, 501).mapToObj(i -> "statecode eq " + i).collect(Collectors.joining(" or "));
        return Stream.of(
                arguments("sensei_projects", query("$select", "nope"), 400, "0x80060888",
                        "Could not find a property named 'nope' on type " + PROJECT + "."),
                arguments("sensei_projects", query("$select", "sensei_program"), 400, "0x80060888",
                        "Could not find a property named 'sensei_program' on type " + PROJECT + "."),
                arguments("sensei_projects", filter("nope eq 1"), 400, "0x80060888",
                        "Could not find a property named 'nope' on type " + PROJECT + "."),
                arguments("sensei_projects", filter("sensei_program/nope eq 1"), 400, "0x80060888",
                        "Could not find a property named 'nope' on type 'Microsoft.Dynamics.CRM.sensei_program'."),
                arguments("sensei_projects", query("$orderby", "nope"), 400, "0x80060888",
                        "Could not find a property named 'nope' on type " + PROJECT + "."),
                arguments("sensei_projects", query("$expand", "nope"), 400, "0x80060888", "'nope'"),
                arguments("sensei_projects", filter("Microsoft.Dynamics.CRM.Today(PropertyName='nope')"), 400, "0x80060888",
                        "Could not find a property named 'nope' on type " + PROJECT + "."),
                arguments("nope", null, 404, "0x80060888", "Resource not found for the segment 'nope'."),
                arguments("sensei_projects(" + ID + ")/nope", null, 404, "0x80060888", "Resource not found for the segment 'nope'."),
                arguments("sensei_projects(not-a-guid)", null, 400, "0x80060888", "Bad Request - Error in query syntax."),
                arguments("sensei_projects(" + ID + "1)", null, 400, "0x80060888", "Bad Request - Error in query syntax."),
                arguments("systemusers(fullname='x')", null, 400, "0x80060888", "The requested key attributes do not exist"),
                arguments("systemusers(domainname=x)", null, 400, "0x80060888", "Bad Request - Error in query syntax."),
                arguments("sensei_projects", filter("sensei_name eq"), 400, "0x80060888", "Bad Request - Error in query syntax."),
                arguments("sensei_projects", filter("sensei_name eq 'x' and ("), 400, "0x80060888", "Bad Request - Error in query syntax."),
                arguments("sensei_projects", filter("sensei_name eq 'unterminated"), 400, "0x80060888", "Bad Request - Error in query syntax."),
                arguments("sensei_projects", filter("sensei_percentcomplete eq 'x'"), 400, "0x80060888", "not compatible"),
                arguments("sensei_projects", filter("sensei_percentcomplete add 1 eq 2"), 400, "0x80060888", ""),
                arguments("sensei_projects", filter("tolower(sensei_name) eq 'x'"), 400, "0x80060888", "'tolower'"),
                arguments("sensei_projects", filter("not Microsoft.Dynamics.CRM.Today(PropertyName='createdon')"), 400,
                        "0x80060888", "Not operator along with the Custom Named Condition operators is not allowed"),
                arguments("sensei_projects", filter("Microsoft.Dynamics.CRM.NoSuchThing(PropertyName='createdon')"), 400,
                        "0x80060888", "No function 'Microsoft.Dynamics.CRM.NoSuchThing' found."),
                arguments("sensei_projects", filter("Microsoft.Dynamics.CRM.In(PropertyName='sensei_name')"), 400,
                        "0x80060888", "No function 'Microsoft.Dynamics.CRM.In' found."),
                arguments("sensei_projects", filter("sensei_name in ('a','b')"), 400, "0x80060888", "'in'"),
                arguments("sensei_projects(" + ID + ")/sensei_program/sensei_name", null, 400, "0x80060888", "not supported"),
                arguments("sensei_projects", query("$expand", "sensei_program($filter=sensei_name eq @p1)", "@p1", "'x'"),
                        400, "0x80060888", "@p1 inside $expand"),
                arguments("sensei_projects", "$filter=sensei_name%2", 400, "0x80060888", "Malformed percent-encoding"),
                arguments("sensei_projects", query("$skip", "10"), 400, "0x80060888", "$skip"),
                arguments("sensei_projects", query("$search", "x"), 400, "0x80060888", "$search"),
                arguments("sensei_projects", query("$format", "json"), 400, "0x80060888", "$format"),
                arguments("sensei_projects", query("$Filter", "statecode eq 0"), 400, "0x80060888", "$Filter"),
                arguments("sensei_projects", query("$top", "-1"), 400, "0x80060888", "Bad Request - Error in query syntax."),
                arguments("sensei_projects", query("$expand", "sensei_program($top=1)"), 400, "0x80060888",
                        "Only $select and $filter clause can be provided"),
                arguments("sensei_projects", query("$expand", "sensei_program($orderby=sensei_name)"), 400, "0x80060888",
                        "Only $select and $filter clause can be provided"),
                arguments("sensei_portfolios", query("$expand",
                        "sensei_program_sensei_portfolio($top=5;$expand=sensei_project_sensei_program)"), 400, "0x80060888",
                        "Only $select and $filter clause can be provided"),
                arguments("sensei_projects", query("$expand", "sensei_risk_sensei_project/$ref"), 400, "0x80060888",
                        "Expand with $ref is only supported on lookup type navigation property."),
                arguments("sensei_projects", query("$expand", "sensei_risk_sensei_project($count=true)"), 400, "0x80060888", "$count"),
                arguments("sensei_projects", query("$expand", "ownerid($select=fullname)"), 400, "0x80060888",
                        "Could not find a property named 'fullname' on type 'Microsoft.Dynamics.CRM.principal'."),
                arguments("sensei_projects", filter(conditions501), 400, "0x8004430C", "TooManyConditionsInQuery"));
    }

    @ParameterizedTest(name = "{0}?{1}")
    @MethodSource("errors")
    void refuses(String path, String rawQuery, int status, String code, String message) {
        assertThatExceptionOfType(ODataQueryException.class).isThrownBy(() -> PARSER.parse(path, rawQuery))
                .satisfies(e -> {
                    assertThat(e.httpStatus()).isEqualTo(status);
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @org.junit.jupiter.api.Test
    void fiveHundredConditionsAreStillFine() {
        String conditions = IntStream.range(0, 500).mapToObj(i -> "statecode eq " + i).collect(Collectors.joining(" or "));
        assertThat(PARSER.parse("sensei_projects", filter(conditions)).options().conditionCount()).isEqualTo(500);
    }
}
