package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.datasets.DemoOrganisation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.ppmlab.emulator.acceptance.BatchMultipart.BOUNDARY;
import static io.ppmlab.emulator.acceptance.BatchMultipart.numbered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dataverse's bulk messages over HTTP: {@code CreateMultiple} ({@code {"Ids":[...]}}), {@code UpdateMultiple} and
 * {@code UpsertMultiple} (204), each all-or-nothing, with the same security checks and product rules as single writes.
 */
class BulkAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();
    static final String PORTFOLIO = "\"@odata.type\":\"Microsoft.Dynamics.CRM.sensei_portfolio\"";
    static String admin;
    static LabHttp http;

    @BeforeAll
    static void signIn() {
        admin = lab.adminToken();
        http = lab.http();
    }

    static String unique(String prefix) { return prefix + " " + UUID.randomUUID().toString().substring(0, 8); }

    static String targets(String... items) { return "{\"Targets\":[" + String.join(",", items) + "]}"; }

    static String portfolio(String name) { return "{" + PORTFOLIO + ",\"sensei_name\":\"" + name + "\"}"; }

    static JsonNode named(String set, String name) { return BatchAcceptanceTest.namedWith(http, admin, set, name); }

    static List<String> createPortfolios(String... names) {
        List<String> bodies = new ArrayList<>();
        for (String n : names) bodies.add(portfolio(n));
        LabHttp.Reply r = http.post(admin, "sensei_portfolios/Microsoft.Dynamics.CRM.CreateMultiple", targets(bodies.toArray(String[]::new)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().path("Ids").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    @Test
    void createMultipleCreatesEveryTargetAndAnswersTheirIds() {
        String name = unique("Bulk");
        LabHttp.Reply r = http.post(admin, "sensei_portfolios/Microsoft.Dynamics.CRM.CreateMultiple",
                targets(portfolio(name + " 1"), portfolio(name + " 2"), portfolio(name + " 3")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("@odata.context").asText()).isEqualTo(http.api() + "$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse");
        JsonNode ids = r.json().path("Ids");
        assertThat(ids).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode row = http.get(admin, "sensei_portfolios(" + ids.get(i).asText() + ")?$select=sensei_name,_ownerid_value").json();
            assertThat(row.path("sensei_name").asText()).isEqualTo(name + " " + (i + 1));
            assertThat(row.path("_ownerid_value").asText()).isEqualTo(DemoOrganisation.userId("admin").toString());
        }
    }

    @Test
    void createMultipleAcceptsTheMscrmAliasAndClientIds() {
        UUID id = UUID.randomUUID();
        LabHttp.Reply r = http.post(admin, "sensei_portfolios/mscrm.CreateMultiple",
                targets("{\"@odata.type\":\"#Microsoft.Dynamics.CRM.sensei_portfolio\",\"sensei_portfolioid\":\"" + id + "\",\"sensei_name\":\"Client id\"}"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("Ids").get(0).asText()).isEqualTo(id.toString());
    }

    @Test
    void createMultipleIsAtomic() {
        String name = unique("Atomic create");
        long before = Long.parseLong(http.get(admin, "sensei_portfolios/$count").body().trim());
        LabHttp.Reply r = http.post(admin, "sensei_portfolios/Microsoft.Dynamics.CRM.CreateMultiple",
                targets(portfolio(name), portfolio(name), "{" + PORTFOLIO + ",\"sensei_name\":\"" + "y".repeat(201) + "\"}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("0x80044331");
        assertThat(named("sensei_portfolios", name)).isEmpty();
        assertThat(Long.parseLong(http.get(admin, "sensei_portfolios/$count").body().trim())).isEqualTo(before);

        UUID existing = UUID.fromString(createPortfolios(unique("Existing")).get(0));
        LabHttp.Reply duplicate = http.post(admin, "sensei_portfolios/Microsoft.Dynamics.CRM.CreateMultiple",
                targets(portfolio(name), "{" + PORTFOLIO + ",\"sensei_portfolioid\":\"" + existing + "\",\"sensei_name\":\"dup\"}"));
        assertThat(duplicate.status()).isEqualTo(412);
        assertThat(named("sensei_portfolios", name)).isEmpty();
    }

    @Test
    void updateMultipleChangesEveryTargetOrNone() {
        List<String> ids = createPortfolios(unique("To update"), unique("To update"));
        String renamed = unique("Updated");
        LabHttp.Reply r = http.post(admin, "sensei_portfolios/Microsoft.Dynamics.CRM.UpdateMultiple", targets(
                "{" + PORTFOLIO + ",\"sensei_portfolioid\":\"" + ids.get(0) + "\",\"sensei_name\":\"" + renamed + "\"}",
                "{" + PORTFOLIO + ",\"@odata.id\":\"sensei_portfolios(" + ids.get(1) + ")\",\"sensei_name\":\"" + renamed + "\"}"));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(named("sensei_portfolios", renamed)).hasSize(2);

        UUID missing = UUID.randomUUID();
        String again = unique("Never");
        LabHttp.Reply refused = http.post(admin, "sensei_portfolios/Microsoft.Dynamics.CRM.UpdateMultiple", targets(
                "{" + PORTFOLIO + ",\"sensei_portfolioid\":\"" + ids.get(0) + "\",\"sensei_name\":\"" + again + "\"}",
                "{" + PORTFOLIO + ",\"sensei_portfolioid\":\"" + missing + "\",\"sensei_name\":\"" + again + "\"}"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.errorCode()).isEqualTo("0x80040217");
        assertThat(refused.json().path("error").path("message").asText()).isEqualTo("sensei_portfolio With Ids = " + missing + " Do Not Exist");
        assertThat(named("sensei_portfolios", again)).isEmpty();
        assertThat(named("sensei_portfolios", renamed)).hasSize(2);

        LabHttp.Reply noId = http.post(admin, "sensei_portfolios/Microsoft.Dynamics.CRM.UpdateMultiple", targets(portfolio("no id")));
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.json().path("error").path("message").asText()).contains("does not say which row to update");
    }

    @Test
    void upsertMultipleUpdatesWhatExistsAndCreatesTheRest() {
        String id = createPortfolios(unique("Upsert me")).get(0);
        UUID fresh = UUID.randomUUID();
        String name = unique("Upserted");
        LabHttp.Reply r = http.post(admin, "sensei_portfolios/Microsoft.Dynamics.CRM.UpsertMultiple", targets(
                "{" + PORTFOLIO + ",\"sensei_portfolioid\":\"" + id + "\",\"sensei_name\":\"" + name + "\"}",
                "{" + PORTFOLIO + ",\"@odata.id\":\"" + http.api() + "sensei_portfolios(" + fresh + ")\",\"sensei_name\":\"" + name + "\"}"));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(http.get(admin, "sensei_portfolios(" + id + ")").json().path("sensei_name").asText()).isEqualTo(name);
        assertThat(http.get(admin, "sensei_portfolios(" + fresh + ")").json().path("sensei_name").asText()).isEqualTo(name);
    }

    @Test
    void upsertMultipleByAlternateKeyCreatesOnceThenUpdates() {
        String bu = unique("Bulk BU");
        String root = DemoOrganisation.businessUnitId("Contoso").toString();
        String target = "{\"@odata.type\":\"Microsoft.Dynamics.CRM.businessunit\",\"@odata.id\":\"businessunits(name='" + bu + "')\","
                + "\"parentbusinessunitid@odata.bind\":\"/businessunits(" + root + ")\",\"isdisabled\":%s}";
        LabHttp.Reply first = http.post(admin, "businessunits/Microsoft.Dynamics.CRM.UpsertMultiple", targets(String.format(target, "false")));
        assertThat(first.status()).as(first.body()).isEqualTo(204);
        LabHttp.Reply second = http.post(admin, "businessunits/Microsoft.Dynamics.CRM.UpsertMultiple", targets(String.format(target, "true")));
        assertThat(second.status()).as(second.body()).isEqualTo(204);
        JsonNode rows = http.get(admin, "businessunits?$select=name,isdisabled&$filter=name%20eq%20'" + bu.replace(" ", "%20") + "'").json().path("value");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("isdisabled").asBoolean()).isTrue();
    }

    @Test
    void targetsMustBeTypedAsTheEntitySet() {
        LabHttp.Reply untyped = http.post(admin, "sensei_portfolios/Microsoft.Dynamics.CRM.CreateMultiple", targets("{\"sensei_name\":\"x\"}"));
        assertThat(untyped.status()).isEqualTo(400);
        assertThat(untyped.json().path("error").path("message").asText()).contains("has no '@odata.type'");
        LabHttp.Reply other = http.post(admin, "sensei_portfolios/Microsoft.Dynamics.CRM.CreateMultiple",
                targets("{\"@odata.type\":\"Microsoft.Dynamics.CRM.sensei_program\",\"sensei_name\":\"x\"}"));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().path("error").path("message").asText()).contains("must be of the entity set's table");
        assertThat(http.post(admin, "sensei_portfolios/Microsoft.Dynamics.CRM.CreateMultiple", "{\"Targets\":[]}").status()).isEqualTo(400);
        assertThat(http.post(admin, "sensei_portfolios/Microsoft.Dynamics.CRM.CreateMultiple", "{\"Records\":[]}").status()).isEqualTo(400);
        assertThat(http.post(admin, "sensei_portfolios/Microsoft.Dynamics.CRM.CreateMultiple", "not json").status()).isEqualTo(400);
        assertThat(http.get(admin, "sensei_portfolios/Microsoft.Dynamics.CRM.CreateMultiple").status()).isIn(400, 405);
    }

    @Test
    void aTargetOutOfReachFailsTheWholeMessageWith403() {
        UUID own = DemoOrganisation.recordId("sensei_project", "HR Project 1");
        UUID other = DemoOrganisation.recordId("sensei_project", "HR Project 2");
        String marker = unique("red bulk");
        String project = "\"@odata.type\":\"Microsoft.Dynamics.CRM.sensei_project\"";
        LabHttp.Reply r = http.post(http.token("red@contoso.test", "demo"), "sensei_projects/Microsoft.Dynamics.CRM.UpdateMultiple", targets(
                "{" + project + ",\"sensei_projectid\":\"" + own + "\",\"sensei_description\":\"" + marker + "\"}",
                "{" + project + ",\"sensei_projectid\":\"" + other + "\",\"sensei_description\":\"" + marker + "\"}"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(http.get(admin, "sensei_projects(" + own + ")?$select=sensei_description").json().path("sensei_description").asText())
                .isNotEqualTo(marker);
    }

    @Test
    void registersCreatedInBulkTakeTheirProjectsOwner() {
        UUID project = DemoOrganisation.recordId("sensei_project", "HR Project 2");
        String risk = "{\"@odata.type\":\"Microsoft.Dynamics.CRM.sensei_risk\",\"sensei_name\":\"Bulk risk\",\"sensei_project@odata.bind\":\"/sensei_projects(" + project + ")\"}";
        LabHttp.Reply r = http.post(admin, "sensei_risks/Microsoft.Dynamics.CRM.CreateMultiple", targets(risk, risk));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode id : r.json().path("Ids")) {
            assertThat(http.get(admin, "sensei_risks(" + id.asText() + ")?$select=_ownerid_value").json().path("_ownerid_value").asText())
                    .isEqualTo(DemoOrganisation.teamId("HR Project 2").toString());
        }
    }

    @Test
    void aBulkMessageInsideAChangeSetRollsBackWithIt() {
        String name = unique("Bulk in set");
        String body = new BatchMultipart().changeSet(
                numbered("1", "POST", "sensei_portfolios/Microsoft.Dynamics.CRM.CreateMultiple", targets(portfolio(name), portfolio(name))),
                numbered("2", "POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + "\",\"nope\":1}")).build();
        LabHttp.Reply failed = http.batch(admin, BOUNDARY, body);
        assertThat(failed.status()).isEqualTo(400);
        assertThat(named("sensei_portfolios", name)).isEmpty();

        String ok = new BatchMultipart().changeSet(
                numbered("1", "POST", "sensei_portfolios/Microsoft.Dynamics.CRM.CreateMultiple", targets(portfolio(name), portfolio(name))),
                numbered("2", "POST", "sensei_portfolios", "{\"sensei_name\":\"" + name + "\"}")).build();
        LabHttp.Reply r = http.batch(admin, BOUNDARY, ok);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(BatchMultipart.answers(r).get(0).json().path("Ids")).hasSize(2);
        assertThat(named("sensei_portfolios", name)).hasSize(3);
    }

    @Test
    void metadataDeclaresTheBulkMessages() {
        String csdl = http.get(admin, "$metadata").body();
        assertThat(csdl).contains("<Action Name=\"CreateMultiple\" IsBound=\"true\"")
                .contains("<Action Name=\"UpdateMultiple\" IsBound=\"true\"")
                .contains("<Action Name=\"UpsertMultiple\" IsBound=\"true\"")
                .contains("<ComplexType Name=\"CreateMultipleResponse\">");
    }
}
