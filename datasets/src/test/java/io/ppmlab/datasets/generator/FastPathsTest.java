package io.ppmlab.datasets.generator;

import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.datasets.Ids;
import io.ppmlab.datasets.RowFactory;
import io.ppmlab.schema.Row;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.ppmlab.datasets.generator.RowOut.vals;
import static io.ppmlab.datasets.generator.SmallOrgs.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

/** The generator's fast copies of shared helpers give exactly what the helpers give. */
class FastPathsTest {

    @Test
    void fastIdsAreIds() {
        for (String key : List.of("", "Project 00001", "Ünïcödé / 2025-01-06", "x".repeat(500))) {
            assertThat(Ids.of("sensei_project", key)).isEqualTo(Ids.of("sensei_project", key));
            assertThat(Ids.of("sensei_resourcecapacity", key)).isEqualTo(Ids.of("sensei_resourcecapacity", key));
        }
    }

    @Test
    void rowOutMakesTheRowsRowFactoryMakes() {
        UUID admin = DemoOrganisation.userId("admin");
        Instant at = Instant.parse("2025-01-06T08:00:00Z");
        RowFactory factory = new RowFactory(SCHEMA, admin, at, 1_000);
        List<Row> rows = new ArrayList<>();
        RowOut out = new RowOut(SCHEMA, admin, at, rows::add);
        RowFactory.Owner team = RowFactory.Owner.team(UUID.randomUUID(), UUID.randomUUID());
        RowFactory.Owner user = RowFactory.Owner.user(UUID.randomUUID(), UUID.randomUUID());
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        out.org("businessunit", a, vals("name", "X"));
        out.owned("sensei_project", b, team, vals("sensei_name", "P", "statuscode", 2));
        out.owned("sensei_risk", c, user, vals("sensei_name", "R"));
        assertThat(rows).containsExactly(
                factory.row("businessunit", a, vals("name", "X")),
                factory.owned("sensei_project", b, team, vals("sensei_name", "P", "statuscode", 2)),
                factory.owned("sensei_risk", c, user, vals("sensei_name", "R")));
    }
}
