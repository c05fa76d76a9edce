package io.ppmlab.emulator.odata;

import static io.ppmlab.emulator.odata.Urls.ID;
import static io.ppmlab.emulator.odata.Urls.ID2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.ppmlab.emulator.odata.model.Expr;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** $filter text in, canonical tree out: one row per construct Dataverse clients send. */
class UriParserFilterTest {
    private static final UriParser PARSER = new UriParser(ServiceModel.of(TestSchema.SCHEMA));

    static Stream<Arguments> filters() {
        return Stream.of(
                arguments("sensei_projects", "sensei_name eq 'X'", "(sensei_name eq 'X')"),
                arguments("sensei_projects", "sensei_name ne 'X'", "(sensei_name ne 'X')"),
                arguments("sensei_projects", "sensei_percentcomplete gt 5", "(sensei_percentcomplete gt 5)"),
                arguments("sensei_projects", "sensei_percentcomplete ge 5", "(sensei_percentcomplete ge 5)"),
                arguments("sensei_projects", "sensei_percentcomplete lt -5", "(sensei_percentcomplete lt -5)"),
                arguments("sensei_projects", "sensei_percentcomplete le 5", "(sensei_percentcomplete le 5)"),
                arguments("sensei_projects", "statecode eq 0 and statuscode eq 1", "((statecode eq 0) and (statuscode eq 1))"),
                arguments("sensei_projects", "statecode eq 0 or statecode eq 1", "((statecode eq 0) or (statecode eq 1))"),
                arguments("sensei_projects", "statecode eq 0 and (statuscode eq 1 or statuscode eq 2)",
                        "((statecode eq 0) and ((statuscode eq 1) or (statuscode eq 2)))"),
                arguments("sensei_projects", "statecode eq 0 and statuscode eq 1 or statuscode eq 2",
                        "(((statecode eq 0) and (statuscode eq 1)) or (statuscode eq 2))"),
                arguments("sensei_projects", "not (statecode eq 0)", "not((statecode eq 0))"),
                arguments("sensei_projects", "sensei_name eq null", "(sensei_name eq null)"),
                arguments("sensei_projects", "_sensei_program_value ne null", "(_sensei_program_value ne null)"),
                arguments("sensei_projects", "sensei_name eq 'O''Bryan'", "(sensei_name eq 'O''Bryan')"),
                arguments("sensei_projects", "sensei_ispublished eq true", "(sensei_ispublished eq true)"),
                arguments("sensei_projects", "sensei_effortremaining gt 10.5", "(sensei_effortremaining gt 10.5)"),
                arguments("sensei_projects", "sensei_sequence eq 9000000000", "(sensei_sequence eq 9000000000)"),
                arguments("sensei_projects", "sensei_finishdate gt 2024-01-01T08:00:00+02:00",
                        "(sensei_finishdate gt 2024-01-01T06:00:00Z)"),
                arguments("sensei_projects", "sensei_startdate le 2024-03-31", "(sensei_startdate le 2024-03-31)"),
                arguments("sensei_projects", "sensei_name eq sensei_description", "(sensei_name eq sensei_description)"),
                arguments("sensei_projects", "contains(sensei_name,'abc')", "contains(sensei_name,'abc')"),
                arguments("sensei_projects", "startswith(sensei_name,'ab')", "startswith(sensei_name,'ab')"),
                arguments("sensei_projects", "endswith(sensei_name,'yz')", "endswith(sensei_name,'yz')"),
                arguments("sensei_projects", "not contains(sensei_name,'x')", "not(contains(sensei_name,'x'))"),
                // lookups: bare GUID, quoted GUID (Dataverse accepts it), braces, either side
                arguments("sensei_projects", "_sensei_program_value eq " + ID, "(_sensei_program_value eq " + ID + ")"),
                arguments("sensei_projects", "_sensei_program_value eq '" + ID + "'", "(_sensei_program_value eq " + ID + ")"),
                arguments("sensei_projects", "_sensei_program_value eq '{" + ID2.toUpperCase() + "}'",
                        "(_sensei_program_value eq " + ID2 + ")"),
                arguments("sensei_projects", "'" + ID + "' eq _ownerid_value", "(" + ID + " eq _ownerid_value)"),
                arguments("sensei_projects", "sensei_projectid eq '" + ID + "' and sensei_name eq '" + ID2 + "'",
                        "((sensei_projectid eq " + ID + ") and (sensei_name eq '" + ID2 + "'))"),
                // navigation through lookups
                arguments("sensei_projects", "sensei_program/sensei_name eq 'X'", "(sensei_program/sensei_name eq 'X')"),
                arguments("sensei_projects", "sensei_program/sensei_portfolio/sensei_name eq 'X'",
                        "(sensei_program/sensei_portfolio/sensei_name eq 'X')"),
                arguments("sensei_projects", "sensei_program/_sensei_portfolio_value eq '" + ID + "'",
                        "(sensei_program/_sensei_portfolio_value eq " + ID + ")"),
                // lambdas over collection navigations
                arguments("sensei_programs", "sensei_project_sensei_program/any(p:p/statecode eq 0)",
                        "sensei_project_sensei_program/any(p:(p/statecode eq 0))"),
                arguments("sensei_programs", "sensei_project_sensei_program/all(p:p/sensei_percentcomplete ge 50 and p/_sensei_program_value ne '" + ID + "')",
                        "sensei_project_sensei_program/all(p:((p/sensei_percentcomplete ge 50) and (p/_sensei_program_value ne " + ID + ")))"),
                // Dataverse query functions
                arguments("sensei_projects", "Microsoft.Dynamics.CRM.In(PropertyName='sensei_name',PropertyValues=['a','b'])",
                        "In(sensei_name,'a','b')"),
                arguments("sensei_projects", "Microsoft.Dynamics.CRM.In(PropertyName='statuscode',PropertyValues=[\"1\",\"2\"])",
                        "In(statuscode,'1','2')"),
                arguments("sensei_projects", "Microsoft.Dynamics.CRM.NotIn(PropertyName='sensei_name',PropertyValues=['O''B','x,y'])",
                        "NotIn(sensei_name,'O''B','x,y')"),
                arguments("sensei_projects", "Microsoft.Dynamics.CRM.Between(PropertyName='sensei_percentcomplete',PropertyValues=[\"5\",\"2000\"])",
                        "Between(sensei_percentcomplete,'5','2000')"),
                arguments("sensei_projects", "Microsoft.Dynamics.CRM.NotBetween(PropertyName='sensei_percentcomplete',PropertyValues=['5','10'])",
                        "NotBetween(sensei_percentcomplete,'5','10')"),
                arguments("sensei_projects", "Microsoft.Dynamics.CRM.Today(PropertyName='createdon')", "Today(createdon)"),
                arguments("sensei_projects", "Microsoft.Dynamics.CRM.LastXDays(PropertyName='createdon',PropertyValue=7)",
                        "LastXDays(createdon,'7')"),
                arguments("sensei_projects", "Microsoft.Dynamics.CRM.NextXDays(PropertyName='sensei_finishdate',PropertyValue=30)",
                        "NextXDays(sensei_finishdate,'30')"),
                arguments("sensei_projects", "Microsoft.Dynamics.CRM.OnOrAfter(PropertyName='sensei_startdate',PropertyValue='2024-01-01')",
                        "OnOrAfter(sensei_startdate,'2024-01-01')"),
                arguments("sensei_projects", "Microsoft.Dynamics.CRM.OnOrBefore(PropertyName='sensei_startdate',PropertyValue='2024-12-31')",
                        "OnOrBefore(sensei_startdate,'2024-12-31')"),
                arguments("sensei_projects", "Microsoft.Dynamics.CRM.EqualUserId(PropertyName='ownerid')", "EqualUserId(ownerid)"),
                arguments("sensei_projects", "Microsoft.Dynamics.CRM.EqualBusinessId(PropertyName='owningbusinessunit')",
                        "EqualBusinessId(owningbusinessunit)"),
                arguments("sensei_projects", "Microsoft.Dynamics.CRM.EqualUserTeams(PropertyName='ownerid')", "EqualUserTeams(ownerid)"),
                arguments("sensei_projects", "Microsoft.Dynamics.CRM.EqualUserOrUserTeams(PropertyName='ownerid')",
                        "EqualUserOrUserTeams(ownerid)"),
                arguments("businessunits", "Microsoft.Dynamics.CRM.Above(PropertyName='businessunitid',PropertyValue='" + ID + "')",
                        "Above(businessunitid,'" + ID + "')"),
                arguments("businessunits", "Microsoft.Dynamics.CRM.Under(PropertyName='businessunitid',PropertyValue='" + ID + "')",
                        "Under(businessunitid,'" + ID + "')"),
                arguments("sensei_projects", "mscrm.Today(PropertyName='createdon') and statecode eq 0",
                        "(Today(createdon) and (statecode eq 0))"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("filters")
    void parsesToCanonicalTree(String set, String filter, String canonical) {
        Expr expr = PARSER.parse(set, Urls.filter(filter)).options().filter().orElseThrow();
        assertThat(expr.toCanonicalString()).isEqualTo(canonical);
    }

    static Stream<Arguments> aliases() {
        return Stream.of(
                arguments(Urls.query("$filter", "sensei_name eq @p1", "@p1", "'X'"), "(sensei_name eq 'X')"),
                arguments(Urls.query("$filter", "sensei_name eq @p1 or sensei_name eq @p2", "@p1", "'a'", "@p2", "'b'"),
                        "((sensei_name eq 'a') or (sensei_name eq 'b'))"),
                arguments(Urls.query("$filter", "sensei_name eq @missing"), "(sensei_name eq null)"),
                arguments(Urls.query("$filter", "sensei_name eq '@p1'", "@p1", "'X'"), "(sensei_name eq '@p1')"),
                arguments(Urls.query("$filter", "_sensei_program_value eq @id", "@id", "'" + ID + "'"),
                        "(_sensei_program_value eq " + ID + ")"),
                arguments(Urls.query("$filter", "Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)",
                        "@p1", "'sensei_name'", "@p2", "['a','b']"), "In(sensei_name,'a','b')"),
                // %20 instead of '+' for spaces
                arguments("$filter=sensei_name%20eq%20'a%20b'", "(sensei_name eq 'a b')"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aliases")
    void substitutesParameterAliases(String rawQuery, String canonical) {
        Expr expr = PARSER.parse("sensei_projects", rawQuery).options().filter().orElseThrow();
        assertThat(expr.toCanonicalString()).isEqualTo(canonical);
    }

    static Stream<String> everyQueryFunction() { return QueryFunctions.names().stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyQueryFunction")
    void everyDeclaredQueryFunctionParses(String name) {
        String args = switch (QueryFunctions.shape(name).orElseThrow()) {
            case NONE -> "";
            case VALUE_STRING -> ",PropertyValue='2024-01-01'";
            case VALUE_INT64 -> ",PropertyValue=3";
            case TWO_INT64 -> ",PropertyValue1=1,PropertyValue2=2024";
            case VALUES -> ",PropertyValues=['1','2']";
        };
        Expr expr = PARSER.parse("sensei_projects",
                Urls.filter("Microsoft.Dynamics.CRM." + name + "(PropertyName='createdon'" + args + ")"))
                .options().filter().orElseThrow();
        assertThat(expr).isInstanceOf(Expr.QueryFunction.class);
        assertThat(((Expr.QueryFunction) expr).name()).isEqualTo(name);
        assertThat(expr.conditionCount()).isEqualTo(1);
    }
}
