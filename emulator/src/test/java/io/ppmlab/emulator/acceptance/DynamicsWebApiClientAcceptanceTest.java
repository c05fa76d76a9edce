package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DynamicsWebApi npm library (a widely used JavaScript client of the Dataverse Web API), unchanged, run by Node against
 * a real emulator: {@code fetchAll} and page-by-page {@code fetch} over FetchXML, {@code retrieveMultiple} with
 * {@code @odata.nextLink} and {@code retrieveAll}, create, update, retrieve and a refused read. The script
 * ({@code src/test/node/dynamics-web-api-client.mjs}) reports what the library returned; this test compares it with
 * what each user may read, asked of the emulator over plain HTTP. Skipped when node and npm are absent.
 */
class DynamicsWebApiClientAcceptanceTest {
    private static final List<String> USERS = List.of("admin@contoso.test", "blue@contoso.test", "yellow@contoso.test");
    private static final int PAGE = 5; // the script's FetchXML count and OData page size

    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();
    static JsonNode observed;

    @BeforeAll
    static void runTheLibrary() throws Exception {
        NodeProject node = NodeProject.installed();
        List<String> args = new ArrayList<>(List.of(lab.http().root()));
        args.addAll(USERS);
        NodeProject.Run run = node.script("dynamics-web-api-client.mjs", args, 60);
        assertThat(run.exit()).as("node exited with %d:%n%s", run.exit(), run.stderr()).isZero();
        observed = LabHttp.JSON.readTree(run.stdout());
    }

    @Test
    void theLockedLibraryVersionRan() {
        assertThat(observed.path("library").asText()).isEqualTo("2.5.0");
    }

    @Test
    void fetchAllFollowsThePagingCookieToEveryReadableRow() {
        for (String user : USERS) {
            JsonNode seen = observed.path("users").path(user);
            List<String> risks = readable(user, "sensei_risk");
            assertThat(risks).as(user).hasSizeGreaterThan(PAGE);
            assertThat(ids(seen.path("fetchAllRisks"))).as(user + " fetchAll risks")
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(risks);
            assertThat(ids(seen.path("fetchAllProjects"))).as(user + " fetchAll projects")
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(readable(user, "sensei_project"));
        }
        // the comparison means something only if users differ in what they may read
        assertThat(readable("blue@contoso.test", "sensei_project")).hasSizeLessThan(readable("admin@contoso.test", "sensei_project").size());
    }

    @Test
    void fetchPageByPageWithPagingInfoReachesEveryReadableRow() {
        for (String user : USERS) {
            JsonNode seen = observed.path("users").path(user);
            List<String> risks = readable(user, "sensei_risk");
            assertThat(ids(seen.path("paged"))).as(user).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(risks);
            assertThat(seen.path("fetchPages").asInt()).as(user).isEqualTo((risks.size() + PAGE - 1) / PAGE);
        }
    }

    @Test
    void retrieveMultipleAndRetrieveAllFollowNextLinks() {
        for (String user : USERS) {
            JsonNode seen = observed.path("users").path(user);
            List<String> risks = readable(user, "sensei_risk");
            assertThat(ids(seen.path("listed"))).as(user).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(risks);
            assertThat(seen.path("listPages").asInt()).as(user).isEqualTo((risks.size() + PAGE - 1) / PAGE);
            assertThat(ids(seen.path("retrieveAll"))).as(user).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(risks);
        }
    }

    @Test
    void createUpdateAndRetrieveThroughTheLibrary() {
        JsonNode writes = observed.path("writes");
        assertThat(writes.path("createdName").asText()).isEqualTo("From DynamicsWebApi");
        assertThat(writes.path("readName").asText()).isEqualTo("Renamed by DynamicsWebApi");
        LabHttp.Reply stored = lab.http().get(lab.adminToken(), "sensei_portfolios(" + writes.path("id").asText() + ")?$select=sensei_name");
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().path("sensei_name").asText()).isEqualTo("Renamed by DynamicsWebApi");
        assertThat(writes.path("etag").asText()).isEqualTo(stored.json().path("@odata.etag").asText());
    }

    @Test
    void aRefusedReadReachesTheCallerWithDataversesStatusAndCode() {
        String id = observed.path("writes").path("id").asText();
        int refused = 0;
        for (String user : USERS.subList(1, USERS.size())) {
            LabHttp.Reply direct = lab.http().get(lab.http().token(user, "demo"), "sensei_portfolios(" + id + ")?$select=sensei_name");
            JsonNode seen = observed.path("refusals").path(user);
            assertThat(seen.path("status").asInt()).as(user).isEqualTo(direct.status());
            if (direct.status() != 200) {
                refused++;
                assertThat(seen.path("code").asText()).as(user).isEqualTo(direct.errorCode());
            }
        }
        assertThat(refused).as("at least one user may not read the admin's new portfolio").isPositive();
    }

    /** The ids of {@code table} that {@code user} may read, from the OData list (well under one 5,000-row page). */
    private static List<String> readable(String user, String table) {
        LabHttp.Reply r = lab.http().get(lab.http().token(user, "demo"), table + "s?$select=" + table + "id");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().has("@odata.nextLink")).isFalse();
        List<String> out = new ArrayList<>();
        r.json().path("value").forEach(v -> out.add(v.path(table + "id").asText()));
        return out;
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
