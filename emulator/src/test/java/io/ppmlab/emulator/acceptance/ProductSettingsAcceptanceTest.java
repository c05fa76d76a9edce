package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.datasets.Ids;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented settings over a real server: telemetry recorded with only the documented items and switched
 * off by InstrumentationKey = False, the feedback prompt cadence (default 30 days, 0 never, FeedbackOptOut), and
 * the end of the subscription (the product's actions refuse, the data and the plain Web API stay).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductSettingsAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static final Set<String> DOCUMENTED = Set.of("Timestamp", "TenantId", "TenantName", "ApplicationId", "ApplicationName",
            "OrganizationUniqueName", "OrganizationCurrencyId", "UserId", "TimeZoneOffset", "SecurityRoles", "BrowserLanguage", "TableType", "EventType");

    static void setSetting(String name, String value) {
        String body = "{\"sensei_name\":\"" + name + "\",\"sensei_value\":" + (value == null ? "null" : "\"" + value + "\"") + "}";
        LabHttp.Reply r = lab.http().patch(lab.adminToken(), "sensei_configurationsettings(" + Ids.of("sensei_configurationsetting", name) + ")", body);
        assertThat(r.status()).as(r.body()).isIn(201, 204);
    }

    static LabHttp.Reply track(String token, String body) { return lab.http().post(token, "sensei_TrackEvent", body); }

    static JsonNode events() {
        LabHttp.Reply r = lab.http().post(lab.adminToken(), "sensei_ListTelemetry", "{}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("Events");
    }

    @Test
    @Order(1)
    void telemetryCarriesOnlyTheDocumentedItemsAndNeverANameOrEmail() {
        String blue = lab.http().token("blue@contoso.test", "demo");
        LabHttp.Reply r = track(blue, "{\"TableType\":\"sensei_project\",\"EventType\":\"Open\",\"TimeZoneOffset\":600,\"BrowserLanguage\":\"en-AU\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("Recorded").asBoolean()).isTrue();
        JsonNode e = events().get(events().size() - 1);
        List<String> keys = new ArrayList<>();
        e.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(DOCUMENTED);
        assertThat(e.path("UserId").asText()).isEqualTo(DemoOrganisation.userId("blue").toString());
        assertThat(e.path("TenantId").asText()).isEqualTo(DemoOrganisation.TENANT_ID.toString());
        assertThat(e.path("SecurityRoles").toString()).contains("Portfolio Manager");
        JsonNode user = lab.http().get(lab.adminToken(), "systemusers(" + DemoOrganisation.userId("blue") + ")").json();
        String all = events().toString();
        for (String personal : List.of(user.path("fullname").asText(), user.path("internalemailaddress").asText(), user.path("domainname").asText())) {
            assertThat(personal).isNotBlank();
            assertThat(all).doesNotContain(personal);
        }
        // a client cannot smuggle a name, an e-mail or row content in
        assertThat(track(blue, "{\"TableType\":\"sensei_project\",\"EventType\":\"Open\",\"UserName\":\"Blue\"}").status()).isEqualTo(400);
        assertThat(track(blue, "{\"TableType\":\"sensei_project\",\"EventType\":\"blue@contoso.test\"}").status()).isEqualTo(400);
        assertThat(track(blue, "{\"TableType\":\"IT Project 1\",\"EventType\":\"Open\"}").status()).isEqualTo(400);
        assertThat(lab.http().post(blue, "sensei_ListTelemetry", "{}").status()).as("only administrators read the sink").isEqualTo(403);
    }

    @Test
    @Order(2)
    void instrumentationKeyFalseDisablesTelemetry() {
        int before = events().size();
        setSetting("InstrumentationKey", "False");
        LabHttp.Reply r = track(lab.http().token("green@contoso.test", "demo"), "{\"TableType\":\"sensei_risk\",\"EventType\":\"Open\"}");
        assertThat(r.json().path("Recorded").asBoolean()).isFalse();
        assertThat(events().size()).isEqualTo(before);
        setSetting("InstrumentationKey", null);
        assertThat(track(lab.adminToken(), "{\"TableType\":\"sensei_risk\",\"EventType\":\"Open\"}").json().path("Recorded").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void feedbackPromptsFollowTheCadenceAndTheOptOut() {
        String green = lab.http().token("green@contoso.test", "demo");
        JsonNode first = lab.http().post(green, "sensei_FeedbackPromptDue", "{}").json();
        assertThat(first.path("Due").asBoolean()).as(first.toString()).isTrue();
        assertThat(first.path("CadenceDays").asInt()).isEqualTo(30);
        JsonNode shown = lab.http().post(green, "sensei_RecordFeedbackPrompt", "{}").json();
        assertThat(shown.path("Due").asBoolean()).isFalse();
        lab.emulator().clock().advance(Duration.ofDays(29));
        green = lab.http().token("green@contoso.test", "demo");
        assertThat(lab.http().post(green, "sensei_FeedbackPromptDue", "{}").json().path("Due").asBoolean()).isFalse();
        lab.emulator().clock().advance(Duration.ofDays(1));
        green = lab.http().token("green@contoso.test", "demo");
        assertThat(lab.http().post(green, "sensei_FeedbackPromptDue", "{}").json().path("Due").asBoolean()).isTrue();
        setSetting("userFeedbackCadence", "0");
        assertThat(lab.http().post(green, "sensei_FeedbackPromptDue", "{}").json().path("Due").asBoolean()).isFalse();
        setSetting("userFeedbackCadence", "7");
        setSetting("FeedbackOptOut", "True");
        JsonNode optedOut = lab.http().post(green, "sensei_FeedbackPromptDue", "{}").json();
        assertThat(optedOut.path("Due").asBoolean()).isFalse();
        assertThat(optedOut.path("Reason").asText()).contains("FeedbackOptOut");
        setSetting("FeedbackOptOut", null);
        setSetting("userFeedbackCadence", "30");
    }

    @Test
    @Order(4)
    void whenTheSubscriptionEndsTheProductRefusesButTheDataAndTheWebApiStay() {
        String admin = lab.adminToken();
        UUID project = DemoOrganisation.recordId("sensei_project", "HR Project 2");
        assertThat(lab.http().post(admin, "sensei_configurationsettings", "{\"sensei_name\":\"lab_subscriptionEnded\",\"sensei_value\":\"true\"}").status()).isEqualTo(204);
        String yellow = lab.http().token("yellow@contoso.test", "demo");
        LabHttp.Reply dup = lab.http().post(yellow, "sensei_DuplicateStatusUpdate", "{\"ParentId\":\"" + project + "\"}");
        assertThat(dup.status()).isEqualTo(403);
        assertThat(dup.json().path("error").path("message").asText()).contains("subscription has ended", "https://www.senseiprojectsolutions.com");
        assertThat(track(yellow, "{\"TableType\":\"sensei_project\",\"EventType\":\"Open\"}").status()).isEqualTo(403);
        assertThat(lab.http().post(yellow, "sensei_FeedbackPromptDue", "{}").status()).isEqualTo(403);
        // the plain Web API keeps serving the data, and a status update is a plain row (no panels calculated)
        assertThat(lab.http().get(yellow, "sensei_projects(" + project + ")").status()).isEqualTo(200);
        LabHttp.Reply su = lab.http().post(yellow, "sensei_statusupdates", "{\"sensei_name\":\"after the end\",\"sensei_projectlink@odata.bind\":\"/sensei_projects(" + project + ")\"}",
                "Prefer", "return=representation");
        assertThat(su.status()).as(su.body()).isEqualTo(201);
        assertThat(su.json().path("sensei_totalwork").isNull()).isTrue();
        assertThat(su.json().path("sensei_overallstatus").isNull()).isTrue();
        setSetting("lab_subscriptionEnded", "false");
        assertThat(lab.http().post(yellow, "sensei_DuplicateStatusUpdate", "{\"ParentId\":\"" + project + "\"}").status()).isEqualTo(200);
    }
}
