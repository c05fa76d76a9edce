package io.ppmlab.emulator.product;

import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The product's headline records (portfolio, program, project) and its registers: the rows that belong to
 * one headline record and carry its owner. A register's headline is its most specific parent: the project
 * (through {@code sensei_project}, or {@code sensei_projectlink} on status updates), else the program, else
 * the portfolio.
 */
public final class Registers {
    public static final Set<String> HEADLINES = Set.of("sensei_portfolio", "sensei_program", "sensei_project");

    /**
     * The registers the product documentation names (risk … task), plus the tables that share the register
     * columns and are owned like their project in the demo (assumption, key date, dependency, benefit).
     */
    static final List<String> TABLES = List.of("sensei_risk", "sensei_issue", "sensei_changerequest", "sensei_decision",
            "sensei_actionitem", "sensei_deliverable", "sensei_lessonlearned", "sensei_statusupdate", "sensei_task",
            "sensei_assumption", "sensei_keydate", "sensei_dependency", "sensei_benefit");

    /** Headline lookups, most specific first → the headline table they point at. */
    private static final Map<String, String> HEADLINE_LOOKUPS = ordered(
            "sensei_project", "sensei_project", "sensei_projectlink", "sensei_project",
            "sensei_program", "sensei_program", "sensei_portfolio", "sensei_portfolio");

    /** Register table → its headline lookup columns, most specific first. */
    private final Map<String, List<String>> lookups = new LinkedHashMap<>();

    public Registers(Schema schema) {
        for (String name : TABLES) {
            Table table = schema.table(name).orElse(null);
            if (table == null || !table.userOwned()) continue;
            List<String> cols = new ArrayList<>();
            HEADLINE_LOOKUPS.forEach((column, target) -> table.column(column)
                    .filter(c -> c.type() == ColumnType.LOOKUP && c.targets().contains(target)).ifPresent(c -> cols.add(column)));
            if (!cols.isEmpty()) lookups.put(name, List.copyOf(cols));
        }
    }

    public boolean isRegister(String table) { return lookups.containsKey(table); }

    public Set<String> tables() { return Collections.unmodifiableSet(lookups.keySet()); }

    /** The headline lookup columns of a register table (empty for other tables). */
    public List<String> lookups(String table) { return lookups.getOrDefault(table, List.of()); }

    /** The row's headline record, or null when it is not a register or names none. */
    public EntityRef headlineOf(Row row) {
        for (String column : lookups(row.table())) {
            EntityRef ref = row.ref(column);
            if (ref != null) return ref;
        }
        return null;
    }

    /** The register lookups that can point at a headline table, per register table. */
    public Map<String, List<String>> lookupsTo(String headlineTable) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        lookups.forEach((table, cols) -> {
            List<String> matching = cols.stream().filter(c -> HEADLINE_LOOKUPS.get(c).equals(headlineTable)).toList();
            if (!matching.isEmpty()) out.put(table, matching);
        });
        return out;
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return Collections.unmodifiableMap(m);
    }
}
