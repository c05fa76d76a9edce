package io.ppmlab.emulator.query;

import io.ppmlab.emulator.api.Caller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.ppmlab.emulator.query.QueryFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * $filter in, matching demo projects out: one row per operator, function and path shape. The caller is Red
 * (HR) with Organization read, so only the filter decides; the clock stands at 2025-03-15T12:00Z.
 */
class FilterEvaluationTest {
    private static final QueryFixture LAB = new QueryFixture();
    private static final QueryEngine ENGINE = LAB.engine(organization());
    private static final Caller RED = caller("red");
    private static final List<String> IT = List.of("IT Project 1", "IT Project 2", "IT Project 3");
    private static final List<String> HR = List.of("HR Project 1", "HR Project 2", "HR Project 3");

    static Stream<Arguments> projects() {
        String itProgram2 = id("sensei_program", "IT Program 2").toString();
        return Stream.of(
                arguments("sensei_name eq 'it project 1'", List.of("IT Project 1")),
                arguments("sensei_name ne 'IT Project 1'", List.of("IT Project 2", "IT Project 3", "HR Project 1", "HR Project 2", "HR Project 3")),
                arguments("sensei_effortremaining gt 600", List.of("IT Project 3", "HR Project 2", "HR Project 3")),
                arguments("sensei_effortremaining ge 600 and sensei_effortremaining le 700", List.of("IT Project 2", "HR Project 2")),
                arguments("sensei_effortremaining lt 400.5", List.of("IT Project 1", "HR Project 1")),
                arguments("startswith(sensei_name,'hr')", HR),
                arguments("contains(sensei_name,'project 2')", List.of("IT Project 2", "HR Project 2")),
                arguments("endswith(sensei_name,'3')", List.of("IT Project 3", "HR Project 3")),
                arguments("not contains(sensei_name,'IT')", HR),
                arguments("contains(sensei_name,'Project _')", concat(IT, HR)),
                arguments("startswith(sensei_name,'[H]R')", HR),
                arguments("_sensei_proposal_value ne null", List.of("IT Project 3")),
                arguments("_sensei_proposal_value eq null", List.of("IT Project 1", "IT Project 2", "HR Project 1", "HR Project 2", "HR Project 3")),
                arguments("_sensei_program_value eq '" + itProgram2 + "'", List.of("IT Project 2")),
                arguments("_sensei_program_value eq " + itProgram2, List.of("IT Project 2")),
                arguments("sensei_program/sensei_name eq 'HR Program 3'", List.of("HR Project 3")),
                arguments("sensei_program/sensei_portfolio/sensei_name eq 'IT Portfolio 2'", List.of("IT Project 2", "IT Project 3")),
                arguments("sensei_risk_sensei_project/any(r:r/sensei_name eq 'HR Project 2 - Risk 2')", List.of("HR Project 2")),
                arguments("sensei_risk_sensei_project/all(r:r/sensei_riskscore ge 2)", concat(IT, HR)),
                arguments("sensei_risk_sensei_project/all(r:r/sensei_riskscore ge 3)", List.of()),
                arguments("sensei_risk_sensei_project/any(r:r/sensei_riskscore gt 5) and startswith(sensei_name,'IT')", IT),
                arguments("Microsoft.Dynamics.CRM.In(PropertyName='sensei_name',PropertyValues=['IT Project 1','hr project 1'])", List.of("IT Project 1", "HR Project 1")),
                arguments("Microsoft.Dynamics.CRM.NotIn(PropertyName='sensei_priority',PropertyValues=['955000000','955000001'])", List.of("IT Project 3", "HR Project 3")),
                arguments("Microsoft.Dynamics.CRM.Between(PropertyName='sensei_effortremaining',PropertyValues=['400','700'])", List.of("IT Project 2", "HR Project 1", "HR Project 2")),
                arguments("Microsoft.Dynamics.CRM.NotBetween(PropertyName='sensei_effortremaining',PropertyValues=['400','700'])", List.of("IT Project 1", "IT Project 3", "HR Project 3")),
                arguments("Microsoft.Dynamics.CRM.OnOrAfter(PropertyName='sensei_projectstart',PropertyValue='2025-02-06')", List.of("IT Project 2", "IT Project 3", "HR Project 2", "HR Project 3")),
                arguments("Microsoft.Dynamics.CRM.OnOrBefore(PropertyName='sensei_projectstart',PropertyValue='2025-02-06')", List.of("IT Project 1", "IT Project 2", "HR Project 1", "HR Project 2")),
                arguments("Microsoft.Dynamics.CRM.On(PropertyName='sensei_projectstart',PropertyValue='2025-01-06')", List.of("IT Project 1", "HR Project 1")),
                arguments("sensei_projectstart eq 2025-01-06", List.of("IT Project 1", "HR Project 1")),
                arguments("Microsoft.Dynamics.CRM.LastXDays(PropertyName='sensei_projectstart',PropertyValue=10)", List.of("IT Project 3", "HR Project 3")),
                arguments("Microsoft.Dynamics.CRM.ThisMonth(PropertyName='sensei_projectstart')", List.of("IT Project 3", "HR Project 3")),
                arguments("Microsoft.Dynamics.CRM.LastMonth(PropertyName='sensei_projectstart')", List.of("IT Project 2", "HR Project 2")),
                arguments("Microsoft.Dynamics.CRM.NextXMonths(PropertyName='sensei_projectfinish',PropertyValue=7)", List.of("IT Project 1", "HR Project 1")),
                arguments("Microsoft.Dynamics.CRM.OlderThanXMonths(PropertyName='sensei_projectstart',PropertyValue=1)", List.of("IT Project 1", "IT Project 2", "HR Project 1", "HR Project 2")),
                arguments("Microsoft.Dynamics.CRM.Today(PropertyName='sensei_projectstart')", List.of()),
                arguments("Microsoft.Dynamics.CRM.EqualUserId(PropertyName='sensei_projectmanager')", List.of("IT Project 2", "HR Project 1")),
                arguments("Microsoft.Dynamics.CRM.NotEqualUserId(PropertyName='sensei_projectmanager')", List.of("IT Project 1", "IT Project 3", "HR Project 2", "HR Project 3")),
                arguments("Microsoft.Dynamics.CRM.EqualBusinessId(PropertyName='owningbusinessunit')", HR),
                arguments("Microsoft.Dynamics.CRM.EqualUserTeams(PropertyName='ownerid')", List.of("IT Project 2", "HR Project 1")),
                arguments("Microsoft.Dynamics.CRM.EqualUserOrUserTeams(PropertyName='ownerid')", List.of("IT Project 2", "HR Project 1")),
                arguments("sensei_priority eq 955000001", List.of("IT Project 2", "HR Project 2")),
                arguments("(sensei_priority eq 955000000 or sensei_priority eq 955000002) and startswith(sensei_name,'IT')", List.of("IT Project 1", "IT Project 3")),
                arguments("sensei_effort eq sensei_baselineeffort", List.of("IT Project 1", "HR Project 1")),
                arguments("sensei_name eq 'O''Bryan'", List.of()),
                arguments("statecode eq 0 and statuscode eq 1", concat(IT, HR)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void filterSelectsProjects(String filter, List<String> expected) {
        var r = ENGINE.get(RED, "sensei_projects?$select=sensei_name&$filter=" + encode(filter), Map.of());
        assertThat(values(r, "sensei_name")).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Arguments> units() {
        String root = id("businessunit", "Contoso").toString();
        String it = io.ppmlab.datasets.DemoOrganisation.businessUnitId("IT").toString();
        return Stream.of(
                arguments("Microsoft.Dynamics.CRM.Under(PropertyName='businessunitid',PropertyValue='" + root + "')", List.of("IT", "HR")),
                arguments("Microsoft.Dynamics.CRM.UnderOrEqual(PropertyName='businessunitid',PropertyValue='" + root + "')", List.of("Contoso", "IT", "HR")),
                arguments("Microsoft.Dynamics.CRM.NotUnder(PropertyName='businessunitid',PropertyValue='" + root + "')", List.of("Contoso")),
                arguments("Microsoft.Dynamics.CRM.Above(PropertyName='businessunitid',PropertyValue='" + it + "')", List.of("Contoso")),
                arguments("Microsoft.Dynamics.CRM.AboveOrEqual(PropertyName='businessunitid',PropertyValue='" + it + "')", List.of("Contoso", "IT")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("units")
    void hierarchyFunctionsWalkTheBusinessUnitTree(String filter, List<String> expected) {
        var r = ENGINE.get(RED, "businessunits?$select=name&$filter=" + encode(filter), Map.of());
        assertThat(values(r, "name")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @org.junit.jupiter.api.Test
    void parameterAliasesAreSubstituted() {
        var r = ENGINE.get(RED, "sensei_projects?$select=sensei_name&$filter=sensei_name%20eq%20@p1&@p1='IT%20Project%201'", Map.of());
        assertThat(values(r, "sensei_name")).containsExactly("IT Project 1");
    }

    private static String encode(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
