package io.ppmlab.emulator.query;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.odata.ODataQueryException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.ppmlab.emulator.query.QueryFixture.caller;
import static io.ppmlab.emulator.query.QueryFixture.organization;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Date query functions whose value is not a date, or whose count reaches beyond the calendar: a 400, in
 * {@code $filter} and in FetchXML alike. Before, the date parser's and the calendar's own exceptions escaped as a
 * 500 (found by {@code lab fuzz}: a FetchXML {@code on-or-after} condition with a GUID for its value).
 */
class DateFunctionValuesTest {
    private static final QueryEngine ENGINE = new QueryFixture().engine(organization());
    private static final Caller ADMIN = caller("admin");

    @ParameterizedTest
    @ValueSource(strings = {"OnOrAfter(PropertyName='sensei_projectstart',PropertyValue='fb106cf1-a424-b12b-4267-c180a6a8f0a2')",
            "On(PropertyName='sensei_projectstart',PropertyValue='2025-13-01')",
            "OnOrBefore(PropertyName='createdon',PropertyValue='x')",
            "LastXDays(PropertyName='sensei_projectstart',PropertyValue=9223372036854775807)",
            "NextXYears(PropertyName='sensei_projectstart',PropertyValue=999999999999)",
            "NextXHours(PropertyName='createdon',PropertyValue=9223372036854775807)",
            "OlderThanXMonths(PropertyName='createdon',PropertyValue=-9223372036854775807)"})
    void inFilter(String function) {
        String url = "sensei_projects?$select=sensei_name&$filter=" + encode("Microsoft.Dynamics.CRM." + function);
        assertThatThrownBy(() -> ENGINE.get(ADMIN, url, Map.of()))
                .isInstanceOfSatisfying(ODataQueryException.class, e -> org.assertj.core.api.Assertions.assertThat(e.httpStatus()).isEqualTo(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"operator='on-or-after' value='fb106cf1-a424-b12b-4267-c180a6a8f0a2'", "operator='on' value='2025-02-30'",
            "operator='last-x-days' value='9223372036854775807'", "operator='next-x-years' value='999999999999'",
            "operator='olderthan-x-years' value='9223372036854775807'"})
    void inFetchXml(String condition) {
        String xml = "<fetch><entity name='sensei_project'><attribute name='sensei_name'/><filter>"
                + "<condition attribute='sensei_projectstart' " + condition + "/></filter></entity></fetch>";
        assertThatThrownBy(() -> ENGINE.get(ADMIN, "sensei_projects?fetchXml=" + encode(xml), Map.of()))
                .isInstanceOfSatisfying(ODataQueryException.class, e -> org.assertj.core.api.Assertions.assertThat(e.httpStatus()).isEqualTo(400));
    }

    private static String encode(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }
}
