package io.ppmlab.roles;

import io.ppmlab.schema.Ownership;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import io.ppmlab.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles and schema name the same tables, and organisation-owned tables take only Organization depth. */
class RolesMatchSchemaTest {
    private final RoleCatalog catalog = RoleCatalog.loadDefault();
    private final Schema schema = SchemaLoader.loadDefault();

    @Test
    void everyRoleTableIsInTheSchemaAndEverySchemaTableHasARoleDecision() {
        Set<String> schemaTables = schema.tables().stream().map(Table::logicalName).collect(Collectors.toSet());
        assertThat(schemaTables).as("tables the roles name").containsAll(catalog.knownTables());
        assertThat(catalog.knownTables()).as("schema tables without a decision in roles/catalog.json").containsAll(schemaTables);
    }

    @Test
    void organizationOwnedTablesAreAllOrNothing() {
        for (Table table : schema.tables()) {
            if (table.ownership() != Ownership.ORGANIZATION) continue;
            for (RoleDefinition role : catalog.roles()) {
                role.tables().getOrDefault(table.logicalName(), Map.of()).forEach((p, d) ->
                        assertThat(d).as(role.name() + " " + table.logicalName() + " " + p).isEqualTo(Depth.ORGANIZATION));
            }
        }
    }
}
