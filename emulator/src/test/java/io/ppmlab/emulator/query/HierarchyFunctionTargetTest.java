package io.ppmlab.emulator.query;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.odata.ODataQueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.ppmlab.emulator.query.QueryFixture.caller;
import static io.ppmlab.emulator.query.QueryFixture.organization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hierarchy functions (Under, Above and their FetchXML operators) on a GUID column that is neither the table's key
 * nor a lookup: a 400, as there is no hierarchy to walk. Before, an index into the column's (empty) lookup targets
 * escaped as a 500 (found by {@code lab fuzz}: {@code above} on {@code systemuser.applicationid}).
 */
class HierarchyFunctionTargetTest {
    private static final QueryEngine ENGINE = new QueryFixture().engine(organization());
    private static final Caller ADMIN = caller("admin");
    private static final String GUID = "fb932b63-4088-4857-5a40-c19234d1b5eb";

    @ParameterizedTest
    @ValueSource(strings = {"above", "eq-or-above", "under", "eq-or-under", "not-under"})
    void inFetchXml(String operator) {
        String xml = "<fetch><entity name='systemuser'><attribute name='fullname'/><filter>"
                + "<condition attribute='applicationid' operator='" + operator + "' value='" + GUID + "'/></filter></entity></fetch>";
        assertThatThrownBy(() -> ENGINE.get(ADMIN, "systemusers?fetchXml=" + encode(xml), Map.of()))
                .isInstanceOfSatisfying(ODataQueryException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
    }

    @Test
    void inFilter() {
        String url = "systemusers?$select=fullname&$filter=" + encode("Microsoft.Dynamics.CRM.Under(PropertyName='applicationid',PropertyValue='" + GUID + "')");
        assertThatThrownBy(() -> ENGINE.get(ADMIN, url, Map.of()))
                .isInstanceOfSatisfying(ODataQueryException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
    }

    @Test
    void onALookupItStillWorks() {
        String xml = "<fetch><entity name='systemuser'><attribute name='fullname'/><filter>"
                + "<condition attribute='businessunitid' operator='eq-or-under' value='" + io.ppmlab.datasets.DemoOrganisation.businessUnitId("Contoso") + "'/></filter></entity></fetch>";
        assertThat(ENGINE.get(ADMIN, "systemusers?fetchXml=" + encode(xml), Map.of()).status()).isEqualTo(200);
    }

    private static String encode(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }
}
