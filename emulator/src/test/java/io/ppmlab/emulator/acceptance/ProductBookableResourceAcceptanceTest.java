package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.datasets.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bookable resources: every shipped role reads them at Business Unit depth; "Resource Organizational
 * Access" widens that to the organisation. The demo has four IT resources and three HR ones.
 */
class ProductBookableResourceAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static final List<String> IT = List.of("Blue User", "Green User", "IT Developer", "Purple User");
    static final List<String> HR = List.of("HR Analyst", "Red User", "Yellow User");

    static List<String> visible(String user) {
        LabHttp.Reply list = lab.http().get(lab.http().token(user + "@contoso.test", "demo"), "bookableresources?$select=name&$orderby=name");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (JsonNode r : list.json().path("value")) names.add(r.path("name").asText());
        return names;
    }

    static int get(String user, String resource) {
        return lab.http().get(lab.http().token(user + "@contoso.test", "demo"), "bookableresources(" + Ids.of("bookableresource", resource) + ")").status();
    }

    @Test
    void aProjectUserSeesTheResourcesOfItsBusinessUnitOnly() {
        assertThat(visible("projectuser")).containsExactlyElementsOf(IT);
        assertThat(get("projectuser", "Green User")).isEqualTo(200);
        assertThat(get("projectuser", "Red User")).isEqualTo(403);
    }

    @Test
    void anHrUserWithoutTheAddOnSeesHrResourcesOnly() {
        assertThat(visible("strategyuser")).containsExactlyElementsOf(HR);
        assertThat(get("strategyuser", "IT Developer")).isEqualTo(403);
    }

    @Test
    void resourceOrganizationalAccessWidensToTheWholeOrganisation() {
        List<String> all = new ArrayList<>(IT);
        all.addAll(HR);
        all.sort(null);
        assertThat(visible("resourceorgaccess")).containsExactlyElementsOf(all);
        assertThat(get("resourceorgaccess", "IT Developer")).isEqualTo(200);
        // Read only: the add-on grants no write.
        LabHttp.Reply write = lab.http().patch(lab.http().token("resourceorgaccess@contoso.test", "demo"),
                "bookableresources(" + Ids.of("bookableresource", "IT Developer") + ")", "{\"name\":\"IT Developer\"}");
        assertThat(write.status()).isEqualTo(403);
    }
}
