package io.ppmlab.emulator.acceptance;

import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Random row conditions for the leak oracle, each written three ways: as OData {@code $filter} text (under a
 * lambda variable when given one), as a FetchXML filter, and as a Java test of a stored row. Values are taken
 * from real rows so that conditions select something. Only shapes whose meaning is plain are drawn (no
 * {@code not}, so Dataverse's null logic and two-valued logic agree), since the oracle judges security, not
 * the filter grammar.
 */
final class OracleConditions {
    /** A condition: {@code under.apply("")} for a row, {@code under.apply("c/")} inside a lambda over {@code c}. */
    record Cond(Function<String, String> under, String fetch, Predicate<Row> test) {
        String odata() { return under.apply(""); }
    }

    private static final String[] COMPARISONS = {"gt", "ge", "lt", "le", "eq"};

    private final OracleWorld world;
    private final Random random;

    OracleConditions(OracleWorld world, Random random) {
        this.world = world;
        this.random = random;
    }

    /** One or two simple conditions on {@code table} (two joined by {@code and} or {@code or}). */
    Cond any(String table) {
        if (random.nextInt(4) > 0) return simple(table);
        Cond a = simple(table);
        Cond b = simple(table);
        boolean and = random.nextBoolean();
        String op = and ? "and" : "or";
        return new Cond(p -> "(" + a.under.apply(p) + ") " + op + " (" + b.under.apply(p) + ")",
                "<filter type='" + op + "'>" + a.fetch + b.fetch + "</filter>",
                and ? a.test.and(b.test) : a.test.or(b.test));
    }

    Cond simple(String table) {
        Table t = world.table(table);
        List<Row> rows = world.rows(table);
        Row sample = rows.get(random.nextInt(rows.size()));
        return switch (random.nextInt(6)) {
            case 0 -> lookupEquals("ownerid", sample.ref("ownerid"));
            case 1 -> lookupEquals("owningbusinessunit", sample.ref("owningbusinessunit"));
            case 2 -> name(t, sample);
            case 3 -> number(t, sample).orElseGet(() -> name(t, sample));
            default -> lookup(t, sample);
        };
    }

    private Cond name(Table t, Row sample) {
        String column = t.primaryNameColumn();
        String full = String.valueOf(sample.get(column));
        if (full.isEmpty() || !full.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == ' ' || ch == '-' || ch == '.')) {
            return lookupEquals("ownerid", sample.ref("ownerid"));
        }
        if (random.nextBoolean()) {
            String v = full;
            return new Cond(p -> p + column + " eq '" + v + "'", condition(column, "eq", v),
                    r -> r.get(column) != null && r.get(column).toString().equalsIgnoreCase(v));
        }
        String prefix = full.substring(0, 1 + random.nextInt(Math.min(full.length(), 8))).stripTrailing();
        if (prefix.isEmpty()) prefix = full.substring(0, 1);
        String v = prefix;
        return new Cond(p -> "startswith(" + p + column + ",'" + v + "')", condition(column, "like", v + "%"),
                r -> r.get(column) != null && r.get(column).toString().toLowerCase(Locale.ROOT).startsWith(v.toLowerCase(Locale.ROOT)));
    }

    private java.util.Optional<Cond> number(Table t, Row sample) {
        List<Column> numeric = t.columns().stream()
                .filter(c -> c.type() == ColumnType.MONEY || c.type() == ColumnType.DECIMAL || c.type() == ColumnType.INT)
                .filter(c -> sample.get(c.name()) != null).toList();
        if (numeric.isEmpty()) return java.util.Optional.empty();
        Column c = numeric.get(random.nextInt(numeric.size()));
        BigDecimal v = new BigDecimal(sample.get(c.name()).toString());
        String op = COMPARISONS[random.nextInt(COMPARISONS.length)];
        String literal = v.toPlainString();
        Predicate<Row> test = r -> {
            Object x = r.get(c.name());
            if (x == null) return false;
            int cmp = new BigDecimal(x.toString()).compareTo(v);
            return switch (op) {
                case "gt" -> cmp > 0;
                case "ge" -> cmp >= 0;
                case "lt" -> cmp < 0;
                case "le" -> cmp <= 0;
                default -> cmp == 0;
            };
        };
        return java.util.Optional.of(new Cond(p -> p + c.name() + " " + op + " " + literal, condition(c.name(), op, literal), test));
    }

    /** A lookup to one of the oracle's tables or to a user: equal to a sample's value, or null / not null. */
    private Cond lookup(Table t, Row sample) {
        List<Column> lookups = t.columns().stream().filter(c -> c.type() == ColumnType.LOOKUP && !c.system())
                .filter(c -> c.targets().stream().anyMatch(x -> OracleWorld.TABLES.contains(x) || x.equals("systemuser"))).toList();
        if (lookups.isEmpty()) return lookupEquals("ownerid", sample.ref("ownerid"));
        Column c = lookups.get(random.nextInt(lookups.size()));
        EntityRef v = sample.ref(c.name());
        return switch (random.nextInt(3)) {
            case 0 -> new Cond(p -> p + c.lookupProperty() + " eq null", "<condition attribute='" + c.name() + "' operator='null'/>",
                    r -> r.get(c.name()) == null);
            case 1 -> new Cond(p -> p + c.lookupProperty() + " ne null", "<condition attribute='" + c.name() + "' operator='not-null'/>",
                    r -> r.get(c.name()) != null);
            default -> v == null ? lookupEquals("ownerid", sample.ref("ownerid")) : lookupEquals(c.name(), v);
        };
    }

    /**
     * A condition through one or two lookups ({@code sensei_project/sensei_program/sensei_name eq '…'}): it holds only
     * when every row on the way is readable for {@code view}'s user, as a hidden parent matches nothing. OData only.
     */
    java.util.Optional<Cond> through(OracleWorld.View view, String table) {
        List<io.ppmlab.schema.Relationship> up = world.relationships().stream().filter(r -> r.referencingTable().equals(table)).toList();
        if (up.isEmpty()) return java.util.Optional.empty();
        List<io.ppmlab.schema.Relationship> hops = new java.util.ArrayList<>(List.of(up.get(random.nextInt(up.size()))));
        List<io.ppmlab.schema.Relationship> further = world.relationships().stream()
                .filter(r -> r.referencingTable().equals(hops.get(0).referencedTable())).toList();
        if (!further.isEmpty() && random.nextBoolean()) hops.add(further.get(random.nextInt(further.size())));
        Table end = world.table(hops.get(hops.size() - 1).referencedTable());
        List<Row> ends = world.rows(end.logicalName());
        Object name = ends.get(random.nextInt(ends.size())).get(end.primaryNameColumn());
        if (name == null || name.toString().contains("'")) return java.util.Optional.empty();
        String value = name.toString();
        StringBuilder path = new StringBuilder();
        hops.forEach(h -> path.append(h.lookupColumn()).append('/'));
        String text = path + end.primaryNameColumn() + " eq '" + value + "'";
        Predicate<Row> test = r -> {
            Row at = r;
            for (io.ppmlab.schema.Relationship h : hops) {
                EntityRef ref = at.ref(h.lookupColumn());
                if (ref == null || !view.canRead(h.referencedTable(), ref.id())) return false;
                at = world.row(h.referencedTable(), ref.id());
            }
            Object n = at.get(end.primaryNameColumn());
            return n != null && n.toString().equalsIgnoreCase(value);
        };
        return java.util.Optional.of(new Cond(p -> p + text, null, test));
    }

    static Cond lookupEquals(String column, EntityRef value) {
        UUID id = value.id();
        return new Cond(p -> p + "_" + column + "_value eq " + id, condition(column, "eq", id.toString()),
                r -> r.ref(column) != null && r.ref(column).id().equals(id));
    }

    private static String condition(String attribute, String operator, String value) {
        return "<condition attribute='" + attribute + "' operator='" + operator + "' value='" + value + "'/>";
    }
}
