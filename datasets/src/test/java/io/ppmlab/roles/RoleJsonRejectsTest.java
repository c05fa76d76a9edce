package io.ppmlab.roles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loader refuses role files that would leave a depth unexplained or name something unknown. */
class RoleJsonRejectsTest {
    @TempDir Path dir;

    @Test
    void unknownPrivilegeName() throws IOException {
        assertThatThrownBy(() -> load("{\"tables\":[\"sensei_risk\"],\"privileges\":[\"READX\"],\"depth\":\"USER\",\"why\":\"w\"}"))
                .hasMessageContaining("unknown privilege 'READX'");
    }

    @Test
    void unknownTable() throws IOException {
        assertThatThrownBy(() -> load("{\"tables\":[\"sensei_nope\"],\"privileges\":[\"READ\"],\"depth\":\"USER\",\"why\":\"w\"}"))
                .hasMessageContaining("unknown table 'sensei_nope'");
    }

    @Test
    void grantWithoutTextOrWhy() throws IOException {
        assertThatThrownBy(() -> load("{\"tables\":[\"sensei_risk\"],\"privileges\":[\"READ\"],\"depth\":\"USER\"}"))
                .hasMessageContaining("neither 'text' nor 'why'");
    }

    private RoleCatalog load(String grant) throws IOException {
        Path roles = Files.createDirectories(dir.resolve("roles"));
        Files.writeString(roles.resolve("catalog.json"),
                "{\"tableGroups\":{\"registers\":[\"sensei_risk\"]},\"roles\":[\"r.json\"]}");
        Files.writeString(roles.resolve("r.json"), "{\"name\":\"R\",\"model\":\"MODULAR\",\"inheritance\":\"TEAM_ONLY\","
                + "\"grants\":[" + grant + "]}");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            return RoleCatalog.load("roles", loader);
        }
    }
}
