package io.ppmlab.harness.sim;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the journeys need to know about the organisation under test, prepared by the harness before Gatling starts
 * ({@code run/Preparation}) from {@code personas.json} and a few admin queries, and handed over as {@code fixtures.json}.
 * Each persona entry is a real generated user with the rows the reference evaluator says it may read and write.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Fixtures(String password, long projects, Map<String, List<PersonaUser>> personas, Plan plan, GroupLimit groupLimit,
                       Integration integration, Admin admin) {

    /** A signed-in user of a persona: UPN, system user id, and rows its journey works on. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PersonaUser(String upn, String userId, String writableProject, String readOnlyProject, String unreadableProject,
                              String writableRisk, String writableTask, String outsider) {}

    /** The resource manager's plan figures: a 90-resource plan to load, resources for the heat map and saves. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Plan(String loadProject, long loadRows, List<String> resources, String refusedProject, List<String> saveProjects,
                       String heatMapStart, String heatMapEnd, int saveYear) {}

    /** A user who already administers 250 Microsoft 365 group teams (made by the preparation), and a business unit. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GroupLimit(String administratorId, String businessUnitId) {}

    /** The application user's client credentials and a project whose tasks the nightly sync upserts. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Integration(String clientId, String clientSecret, String project, int batchOperations) {}

    /** Admin journey targets: a project to reassign between two teams, and a group team whose membership changes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Admin(String upn, String project, String teamA, String teamB, String groupTeam, String memberUpn) {}

    public static Fixtures read(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), Fixtures.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixtures " + file, e);
        }
    }
}
