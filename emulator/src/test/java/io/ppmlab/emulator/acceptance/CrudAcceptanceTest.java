package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Create, retrieve, update, upsert, delete and conditional requests over HTTP, as Dataverse answers them. */
class CrudAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();
    static String token;
    static LabHttp http;

    @BeforeAll
    static void signIn() {
        token = lab.adminToken();
        http = lab.http();
    }

    private static String create(String set, String body) {
        LabHttp.Reply r = http.post(token, set, body);
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        String entityId = r.header("OData-EntityId");
        return entityId.substring(entityId.lastIndexOf('(') + 1, entityId.length() - 1);
    }

    @Test
    void createReturns204WithEntityIdAndRowReadsBack() {
        LabHttp.Reply r = http.post(token, "sensei_portfolios", "{\"sensei_name\":\"Created portfolio\"}");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("OData-EntityId")).matches(http.api().replace(".", "\\.") + "sensei_portfolios\\([0-9a-f-]{36}\\)");
        String id = r.header("OData-EntityId").replaceAll(".*\\((.*)\\)", "$1");
        JsonNode row = http.get(token, "sensei_portfolios(" + id + ")").json();
        assertThat(row.get("sensei_name").asText()).isEqualTo("Created portfolio");
        assertThat(row.get("sensei_portfolioid").asText()).isEqualTo(id);
        assertThat(row.get("@odata.etag").asText()).matches("W/\"\\d+\"");
        assertThat(row.get("statecode").asInt()).isZero();
    }

    @Test
    void createWithRepresentationReturns201AndTheRow() {
        LabHttp.Reply r = http.post(token, "sensei_portfolios?$select=sensei_name", "{\"sensei_name\":\"Rep\"}",
                "Prefer", "return=representation");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Preference-Applied")).isEqualTo("return=representation");
        JsonNode row = r.json();
        assertThat(row.get("@odata.context").asText()).endsWith("$metadata#sensei_portfolios(sensei_name)/$entity");
        assertThat(row.get("@odata.etag").asText()).startsWith("W/\"");
        assertThat(row.get("sensei_name").asText()).isEqualTo("Rep");
        assertThat(row.has("sensei_portfolioid")).isTrue();
        assertThat(row.has("createdon")).isFalse();
    }

    @Test
    void lookupIsBoundWithOdataBindAndReadAsValueProperty() {
        String portfolio = create("sensei_portfolios", "{\"sensei_name\":\"P\"}");
        String program = create("sensei_programs", "{\"sensei_name\":\"Prog\",\"sensei_portfolio@odata.bind\":\"/sensei_portfolios(" + portfolio + ")\"}");
        JsonNode row = http.get(token, "sensei_programs(" + program + ")?$select=_sensei_portfolio_value,sensei_name",
                "Prefer", "odata.include-annotations=\"*\"").json();
        assertThat(row.get("_sensei_portfolio_value").asText()).isEqualTo(portfolio);
        assertThat(row.get("_sensei_portfolio_value@Microsoft.Dynamics.CRM.lookuplogicalname").asText()).isEqualTo("sensei_portfolio");
        assertThat(row.get("_sensei_portfolio_value@OData.Community.Display.V1.FormattedValue").asText()).isEqualTo("P");
    }

    @Test
    void formattedValuesForChoicesWhenAnnotationsAreRequested() {
        String id = create("sensei_portfolios", "{\"sensei_name\":\"F\"}");
        JsonNode plain = http.get(token, "sensei_portfolios(" + id + ")").json();
        assertThat(plain.has("statuscode@OData.Community.Display.V1.FormattedValue")).isFalse();
        JsonNode annotated = http.get(token, "sensei_portfolios(" + id + ")", "Prefer", "odata.include-annotations=\"*\"").json();
        assertThat(annotated.get("statuscode@OData.Community.Display.V1.FormattedValue").asText()).isEqualTo("Active");
        assertThat(annotated.get("_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname").asText()).isEqualTo("systemuser");
    }

    @Test
    void retrieveWithSelectReturnsOnlySelectedColumnsAndTheKey() {
        String id = create("sensei_portfolios", "{\"sensei_name\":\"S\"}");
        JsonNode row = http.get(token, "sensei_portfolios(" + id + ")?$select=sensei_name").json();
        assertThat(row.get("sensei_name").asText()).isEqualTo("S");
        assertThat(row.get("sensei_portfolioid").asText()).isEqualTo(id);
        assertThat(row.has("statecode")).isFalse();
    }

    @Test
    void retrieveByAlternateKey() {
        JsonNode user = http.get(token, "systemusers(domainname='admin@contoso.test')?$select=fullname,domainname").json();
        assertThat(user.get("domainname").asText()).isEqualTo("admin@contoso.test");
        LabHttp.Reply missing = http.get(token, "systemusers(domainname='nobody@contoso.test')");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("0x80060891");
    }

    @Test
    void updateReturns204AndWithRepresentation200() {
        String id = create("sensei_portfolios", "{\"sensei_name\":\"Before\"}");
        JsonNode before = http.get(token, "sensei_portfolios(" + id + ")").json();
        assertThat(http.patch(token, "sensei_portfolios(" + id + ")", "{\"sensei_name\":\"After\"}").status()).isEqualTo(204);
        LabHttp.Reply rep = http.patch(token, "sensei_portfolios(" + id + ")?$select=sensei_name", "{\"sensei_name\":\"Again\"}",
                "Prefer", "return=representation");
        assertThat(rep.status()).isEqualTo(200);
        assertThat(rep.json().get("sensei_name").asText()).isEqualTo("Again");
        assertThat(rep.json().get("@odata.etag").asText()).isNotEqualTo(before.get("@odata.etag").asText());
    }

    @Test
    void patchToMissingKeyCreatesTheRow() {
        String id = UUID.randomUUID().toString();
        LabHttp.Reply r = http.patch(token, "sensei_portfolios(" + id + ")", "{\"sensei_name\":\"Upserted\"}");
        assertThat(r.status()).isEqualTo(204);
        assertThat(http.get(token, "sensei_portfolios(" + id + ")").json().get("sensei_name").asText()).isEqualTo("Upserted");
    }

    @Test
    void ifMatchStarPreventsCreate() {
        String id = UUID.randomUUID().toString();
        LabHttp.Reply r = http.patch(token, "sensei_portfolios(" + id + ")", "{\"sensei_name\":\"X\"}", "If-Match", "*");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("error").path("message").asText()).contains("Does Not Exist");
        assertThat(http.get(token, "sensei_portfolios(" + id + ")").status()).isEqualTo(404);
    }

    @Test
    void ifNoneMatchStarPreventsUpdate() {
        String id = create("sensei_portfolios", "{\"sensei_name\":\"Keep\"}");
        LabHttp.Reply r = http.patch(token, "sensei_portfolios(" + id + ")", "{\"sensei_name\":\"Lost\"}", "If-None-Match", "*");
        assertThat(r.status()).isEqualTo(412);
        assertThat(http.get(token, "sensei_portfolios(" + id + ")").json().get("sensei_name").asText()).isEqualTo("Keep");
    }

    @Test
    void staleIfMatchIsAConcurrencyMismatch() {
        String id = create("sensei_portfolios", "{\"sensei_name\":\"V1\"}");
        String etag = http.get(token, "sensei_portfolios(" + id + ")").json().get("@odata.etag").asText();
        assertThat(http.patch(token, "sensei_portfolios(" + id + ")", "{\"sensei_name\":\"V2\"}", "If-Match", etag).status()).isEqualTo(204);
        LabHttp.Reply stale = http.patch(token, "sensei_portfolios(" + id + ")", "{\"sensei_name\":\"V3\"}", "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.errorCode()).isEqualTo("0x80060882");
        assertThat(http.delete(token, "sensei_portfolios(" + id + ")", "If-Match", etag).status()).isEqualTo(412);
    }

    @Test
    void conditionalGetReturns304WhenUnchanged() {
        String id = create("sensei_portfolios", "{\"sensei_name\":\"C\"}");
        String etag = http.get(token, "sensei_portfolios(" + id + ")").json().get("@odata.etag").asText();
        assertThat(http.get(token, "sensei_portfolios(" + id + ")", "If-None-Match", etag).status()).isEqualTo(304);
        http.patch(token, "sensei_portfolios(" + id + ")", "{\"sensei_name\":\"C2\"}");
        assertThat(http.get(token, "sensei_portfolios(" + id + ")", "If-None-Match", etag).status()).isEqualTo(200);
    }

    @Test
    void deleteReturns204ThenMissingIs404() {
        String id = create("sensei_portfolios", "{\"sensei_name\":\"Gone\"}");
        assertThat(http.delete(token, "sensei_portfolios(" + id + ")").status()).isEqualTo(204);
        LabHttp.Reply again = http.delete(token, "sensei_portfolios(" + id + ")");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo("0x80040217");
        assertThat(http.get(token, "sensei_portfolios(" + id + ")").status()).isEqualTo(404);
    }

    @Test
    void wrongMethodIs405() {
        assertThat(http.patch(token, "sensei_portfolios", "{\"sensei_name\":\"x\"}").status()).isEqualTo(405);
        assertThat(http.delete(token, "sensei_portfolios").status()).isEqualTo(405);
    }

    @Test
    void singlePropertyGetPutDelete() {
        String id = create("sensei_portfolios", "{\"sensei_name\":\"Prop\",\"sensei_description\":\"d\"}");
        JsonNode value = http.get(token, "sensei_portfolios(" + id + ")/sensei_name").json();
        assertThat(value.get("value").asText()).isEqualTo("Prop");
        assertThat(http.put(token, "sensei_portfolios(" + id + ")/sensei_name", "{\"value\":\"Renamed\"}").status()).isEqualTo(204);
        assertThat(http.get(token, "sensei_portfolios(" + id + ")/sensei_name").json().get("value").asText()).isEqualTo("Renamed");
        assertThat(http.delete(token, "sensei_portfolios(" + id + ")/sensei_description").status()).isEqualTo(204);
        assertThat(http.get(token, "sensei_portfolios(" + id + ")").json().get("sensei_description").isNull()).isTrue();
    }

    @Test
    void whoAmIReturnsTheCaller() {
        JsonNode me = http.get(token, "WhoAmI()").json();
        JsonNode user = http.get(token, "systemusers(domainname='admin@contoso.test')?$select=systemuserid,_businessunitid_value").json();
        assertThat(me.get("UserId").asText()).isEqualTo(user.get("systemuserid").asText());
        assertThat(me.get("BusinessUnitId").asText()).isEqualTo(user.get("_businessunitid_value").asText());
        assertThat(me.get("OrganizationId").asText()).matches("[0-9a-f-]{36}");
        assertThat(me.get("@odata.context").asText()).endsWith("$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
    }

    @Test
    void serviceDocumentListsEntitySets() {
        JsonNode doc = http.get(token, "").json();
        assertThat(doc.get("@odata.context").asText()).endsWith("$metadata");
        assertThat(doc.get("value").findValuesAsText("name")).contains("sensei_projects", "systemusers", "sensei_statusupdates");
    }

    @Test
    void olderVersionsAreAddressable() {
        assertThat(http.get(token, http.root() + "/api/data/v9.0/WhoAmI()").status()).isEqualTo(200);
        assertThat(http.get(token, http.root() + "/api/data/v9.1/WhoAmI()").status()).isEqualTo(200);
    }
}
