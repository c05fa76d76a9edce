package io.ppmlab.roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoleCatalogTest {
    private final RoleCatalog catalog = RoleCatalog.loadDefault();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void loadsTheFifteenShippedRoles() {
        assertThat(catalog.roles()).hasSize(15);
        assertThat(catalog.roles().stream().filter(r -> r.model() == RoleModel.BASIC)).hasSize(5);
        assertThat(catalog.roles().stream().filter(r -> r.model() == RoleModel.MODULAR)).hasSize(9);
        assertThat(catalog.roles().stream().filter(r -> r.model() == RoleModel.ADDON)).hasSize(1);
        for (String shortName : List.of("Project User", "Project Executive", "Portfolio User", "Strategy User",
                "Admin User", "Program Manager", "Portfolio Manager", "Proposal Manager", "Idea User",
                "Challenge User", "Strategy Executive", "PMO User", "Resource Manager", "Timesheet Manager",
                "Resource Organizational Access")) {
            assertThat(catalog.find(shortName)).as(shortName).isPresent();
        }
    }

    @Test
    void everyChoiceIsWrittenDownNextToItsRole() throws IOException {
        JsonNode index = resource("catalog.json");
        for (JsonNode file : index.path("roles")) {
            JsonNode json = resource(file.asText());
            RoleDefinition role = catalog.get(json.path("name").asText());
            assertThat(role.notes()).as(role.name() + " inheritance").containsKey("inheritance");
            for (JsonNode grant : json.path("grants")) {
                assertThat(grant.path("text").asText("").isBlank() && grant.path("why").asText("").isBlank())
                        .as(role.name() + " grant " + grant).isFalse();
                if (!grant.path("why").asText("").isBlank()) {
                    assertThat(role.notes()).as(role.name()).containsKeys(expand(index, grant.path("tables")).toArray(String[]::new));
                }
            }
        }
    }

    @Test
    void everyPrivilegeAndTableNameIsKnown() throws IOException {
        JsonNode index = resource("catalog.json");
        List<String> privilegeNames = new ArrayList<>(List.of("ALL"));
        for (Privilege p : Privilege.values()) privilegeNames.add(p.name());
        for (JsonNode file : index.path("roles")) {
            for (JsonNode grant : resource(file.asText()).path("grants")) {
                grant.path("privileges").forEach(p -> assertThat(privilegeNames).contains(p.asText()));
            }
        }
        catalog.roles().forEach(r -> assertThat(catalog.knownTables()).containsAll(r.tables().keySet()));
    }

    @Test
    void portfolioManagerReadsPortfoliosOnlyThroughOwnership() {
        RoleDefinition pm = catalog.get("Portfolio Manager");
        assertThat(pm.depth("sensei_portfolio", Privilege.READ)).isEqualTo(Depth.USER);
        assertThat(pm.depth("sensei_program", Privilege.READ)).isEqualTo(Depth.BUSINESS_UNIT);
        assertThat(pm.depth("sensei_project", Privilege.READ)).isEqualTo(Depth.BUSINESS_UNIT);
        assertThat(pm.depth("sensei_project", Privilege.WRITE)).isEqualTo(Depth.USER);
        assertThat(pm.depth("sensei_risk", Privilege.READ)).isEqualTo(Depth.BUSINESS_UNIT);
        assertThat(pm.notes()).containsKey("sensei_portfolio");
    }

    @Test
    void adminHoldsEverythingAtOrganization() {
        RoleDefinition admin = catalog.get("Sensei IQ Admin User");
        for (String table : catalog.knownTables()) {
            for (Privilege p : Privilege.values()) assertThat(admin.depth(table, p)).as(table + " " + p).isEqualTo(Depth.ORGANIZATION);
        }
        assertThat(admin.taskPrivileges()).contains("prvActOnBehalfOfAnotherUser");
    }

    @Test
    void bookableResourcesAreBusinessUnitUnlessWidened() {
        for (RoleDefinition role : catalog.roles()) {
            Depth read = role.depth("bookableresource", Privilege.READ);
            switch (role.model()) {
                case ADDON -> assertThat(read).isEqualTo(Depth.ORGANIZATION);
                case BASIC, MODULAR -> assertThat(read).as(role.name())
                        .isIn(Depth.BUSINESS_UNIT, Depth.ORGANIZATION);
            }
        }
        assertThat(catalog.get("Project User").depth("bookableresource", Privilege.READ)).isEqualTo(Depth.BUSINESS_UNIT);
        assertThat(catalog.get("Resource Organizational Access").tables().keySet())
                .containsExactlyInAnyOrder("bookableresource", "sensei_resourcecapacity");
    }

    @Test
    void eachBasicRoleBuildsOnTheOneBelow() {
        List<String> layers = List.of("Project User", "Project Executive", "Portfolio User", "Strategy User", "Admin User");
        for (int i = 1; i < layers.size(); i++) {
            RoleDefinition lower = catalog.get(layers.get(i - 1));
            RoleDefinition upper = catalog.get(layers.get(i));
            for (Map.Entry<String, Map<Privilege, Depth>> t : lower.tables().entrySet()) {
                t.getValue().forEach((p, d) -> assertThat(upper.depth(t.getKey(), p))
                        .as(upper.name() + " " + t.getKey() + " " + p).isGreaterThanOrEqualTo(d));
            }
        }
        assertThat(catalog.get("Project Executive").depth("sensei_project", Privilege.WRITE)).isEqualTo(Depth.BUSINESS_UNIT);
        assertThat(catalog.get("Project User").depth("sensei_project", Privilege.WRITE)).isEqualTo(Depth.USER);
    }

    private List<String> expand(JsonNode index, JsonNode tables) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : tables) {
            if (t.asText().startsWith("@")) index.path("tableGroups").path(t.asText().substring(1)).forEach(n -> out.add(n.asText()));
            else out.add(t.asText());
        }
        return out;
    }

    private JsonNode resource(String file) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("roles/" + file)) {
            return mapper.readTree(in);
        }
    }
}
