package io.ppmlab.datasets.generator;

import io.ppmlab.schema.Column;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.RowValidator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.ppmlab.datasets.generator.SmallOrgs.SCHEMA;
import static io.ppmlab.datasets.generator.SmallOrgs.collect;
import static io.ppmlab.datasets.generator.SmallOrgs.small;
import static org.assertj.core.api.Assertions.assertThat;

/** Every generated row is valid against the schema, unique, and in load order (lookups point backwards). */
class GeneratedRowsValidTest {

    @Test
    void uniqueStrategyRowsAreValid() { check(collect("limits", small(42))); }

    @Test
    void reusableStrategyRowsAreValid() { check(collect("limits", small(42).withTeamStrategy(TeamStrategy.REUSABLE))); }

    @Test
    void stressRowsAreValid() { check(collect("stress", small(5).withYears(2))); }

    private static void check(SmallOrgs.Collected c) {
        RowValidator validator = new RowValidator(SCHEMA);
        List<String> problems = new ArrayList<>();
        for (Row r : c.rows()) problems.addAll(validator.problems(r));
        assertThat(problems).isEmpty();
        assertThat(validator.referenceProblems(c.rows())).isEmpty();
        Set<EntityRef> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        for (Row r : c.rows()) {
            EntityRef self = new EntityRef(r.table(), r.id());
            assertThat(seen.add(self)).as("duplicate id " + self).isTrue();
            for (Column col : SCHEMA.table(r.table()).orElseThrow().columns()) {
                if (col.system()) continue;
                if (r.get(col.name()) instanceof EntityRef ref && !seen.contains(ref)) order.add(self + "." + col.name() + " → " + ref);
            }
        }
        assertThat(order).as("lookups to rows not yet written").isEmpty();
        assertThat(c.result().counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(c.rows().size());
        sharesGoOnlyToPeopleOutsideTheOwningTeam(c);
    }

    private static void sharesGoOnlyToPeopleOutsideTheOwningTeam(SmallOrgs.Collected c) {
        Set<List<UUID>> memberships = new HashSet<>();
        c.rows("teammembership").forEach(m -> memberships.add(List.of(m.ref("systemuserid").id(), m.ref("teamid").id())));
        Map<UUID, Row> byId = new HashMap<>();
        c.rows().forEach(r -> byId.put(r.id(), r));
        List<Row> shares = c.rows("principalobjectaccess");
        assertThat(shares).isNotEmpty();
        for (Row s : shares) {
            Row target = byId.get((UUID) s.get("objectid"));
            UUID user = (UUID) s.get("principalid");
            assertThat(target.ref("sensei_assignedto").id()).isEqualTo(user);
            EntityRef owner = target.ref("ownerid");
            assertThat(owner.id()).isNotEqualTo(user);
            if (owner.table().equals("team")) assertThat(memberships).doesNotContain(List.of(user, owner.id()));
        }
    }
}
