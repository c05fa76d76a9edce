package io.ppmlab.emulator.query.filter;

import io.ppmlab.emulator.odata.ODataErrors;
import io.ppmlab.emulator.odata.model.Expr;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed {@link Expr} into a {@link Cond} for one table: resolves every property path against the schema
 * (lookups, {@code _x_value}, primary keys, navigation through lookups, lambda variables), converts literals to
 * the column's type once, and refuses what Dataverse refuses. Thread-safe and stateless.
 */
public final class FilterCompiler {
    private static final Set<String> PRINCIPALS = Set.of("systemuser", "team");

    private final Schema schema;

    public FilterCompiler(Schema schema) { this.schema = schema; }

    /** The compiled condition and the frame size it needs (1 + lambda and link slots). */
    public record Compiled(Cond cond, int frameSize) {}

    /** A row variable: the frame slot that holds it and its table. */
    public record Variable(int slot, Table table) {}

    public Compiled compile(Table root, Expr expr) {
        return compile(root, expr, Map.of());
    }

    /** @param variables named rows besides the root (FetchXML link-entity aliases), slots 1.. */
    public Compiled compile(Table root, Expr expr, Map<String, Variable> variables) {
        Scope scope = new Scope(root, variables);
        Cond cond = expr == null ? Cond.TRUE : scope.condition(expr);
        return new Compiled(cond, scope.max + 1);
    }

    /** Resolves a property path (as in $orderby or $apply groupby) against a table, slot 0. */
    public PropertyPath path(Table root, List<String> segments) {
        return path(0, root, segments);
    }

    /** Resolves a property path of the row in frame slot {@code slot} (a FetchXML link-entity's attribute). */
    public PropertyPath path(int slot, Table table, List<String> segments) {
        return new Scope(table, Map.of()).path(slot, table, segments, String.join("/", segments));
    }

    private final class Scope {
        private final Table root;
        private final Map<String, Variable> variables = new HashMap<>();
        private int max;

        Scope(Table root, Map<String, Variable> given) {
            this.root = root;
            this.variables.putAll(given);
            for (Variable v : given.values()) max = Math.max(max, v.slot());
        }

        Cond condition(Expr e) {
            if (e instanceof Expr.Binary b) return binary(b);
            if (e instanceof Expr.Not n) return new Logic.Not(condition(n.operand()));
            if (e instanceof Expr.Call c) return call(c);
            if (e instanceof Expr.QueryFunction f) {
                Operand o = operand(new Expr.Property(List.of(f.propertyName().split("/"))));
                if (!(o instanceof PropertyPath p)) throw ODataErrors.syntax("Bad PropertyName in " + f.name() + ".");
                return FunctionConditions.compile(f.name(), p, f.values());
            }
            if (e instanceof Expr.Lambda l) return lambda(l);
            if (e instanceof Expr.Literal lit && lit.value() instanceof Boolean b) return b ? Cond.TRUE : new Logic.Not(Cond.TRUE);
            if (e instanceof Expr.Property || e instanceof Expr.LambdaProperty) {
                Operand o = operand(e);
                if (o.type() == ColumnType.BOOLEAN) return new Compare(Expr.Op.EQ, o, new Operand.Literal(true), false, false);
            }
            throw ODataErrors.syntax("The expression '" + e.toCanonicalString() + "' is not a condition.");
        }

        private Cond binary(Expr.Binary b) {
            if (b.op() == Expr.Op.AND || b.op() == Expr.Op.OR) {
                List<Cond> parts = new ArrayList<>();
                flatten(b.op(), b, parts);
                return b.op() == Expr.Op.AND ? new Logic.And(parts) : new Logic.Or(parts);
            }
            boolean leftNull = b.left() instanceof Expr.Null;
            boolean rightNull = b.right() instanceof Expr.Null;
            Operand l = leftNull ? new Operand.Literal(null) : operand(b.left());
            Operand r = rightNull ? new Operand.Literal(null) : operand(b.right());
            if (l instanceof Operand.Literal ll && r.type() != null) l = new Operand.Literal(coerce(ll.value(), r));
            if (r instanceof Operand.Literal rl && l.type() != null) r = new Operand.Literal(coerce(rl.value(), l));
            return new Compare(b.op(), l, r, leftNull, rightNull);
        }

        private Object coerce(Object literal, Operand typed) {
            String text = typed instanceof PropertyPath p ? p.text() : "";
            return Values.coerce(literal, typed.type(), text);
        }

        private void flatten(Expr.Op op, Expr e, List<Cond> out) {
            if (e instanceof Expr.Binary b && b.op() == op) {
                flatten(op, b.left(), out);
                flatten(op, b.right(), out);
            } else {
                out.add(condition(e));
            }
        }

        private Cond call(Expr.Call c) {
            if (c.args().size() != 2) throw ODataErrors.syntax("The function " + c.function() + " takes two arguments.");
            Operand target = operand(c.args().get(0));
            if (!(c.args().get(1) instanceof Expr.Literal lit) || !(lit.value() instanceof String text)) {
                throw ODataErrors.notSupported("A non-literal second argument of " + c.function());
            }
            return switch (c.function()) {
                case "contains" -> new Like(target, "%" + text + "%", false);
                case "startswith" -> new Like(target, text + "%", false);
                case "endswith" -> new Like(target, "%" + text, false);
                case "like" -> new Like(target, text, false);
                case "notlike" -> new Like(target, text, true);
                default -> throw ODataErrors.notSupported("The function '" + c.function() + "'");
            };
        }

        private Cond lambda(Expr.Lambda l) {
            List<String> path = l.collectionPath();
            int parentSlot = 0;
            Table parent = root;
            if (!path.isEmpty() && variables.containsKey(path.get(0))) {
                Variable v = variables.get(path.get(0));
                parentSlot = v.slot();
                parent = v.table();
                path = path.subList(1, path.size());
            }
            if (path.size() != 1) {
                throw ODataErrors.notSupported("A lambda over a collection reached through a lookup ('"
                        + String.join("/", l.collectionPath()) + "')");
            }
            String nav = path.get(0);
            Relationship rel = schema.collectionNavigation(parent.logicalName(), nav)
                    .orElseThrow(() -> ODataErrors.propertyNotFound(nav, "Microsoft.Dynamics.CRM." + root.logicalName()));
            Table child = table(rel.referencingTable());
            int slot = max + 1;
            max = slot;
            Variable previous = variables.put(l.variable(), new Variable(slot, child));
            Cond body = condition(l.body());
            if (previous == null) variables.remove(l.variable()); else variables.put(l.variable(), previous);
            return new Lambda(l.kind(), parentSlot, rel, slot, body);
        }

        Operand operand(Expr e) {
            if (e instanceof Expr.Literal lit) return new Operand.Literal(lit.value());
            if (e instanceof Expr.Property p) {
                List<String> segs = p.path();
                if (segs.size() > 1 && variables.containsKey(segs.get(0))) {
                    Variable v = variables.get(segs.get(0));
                    return path(v.slot(), v.table(), segs.subList(1, segs.size()), String.join("/", segs));
                }
                return path(0, root, segs, String.join("/", segs));
            }
            if (e instanceof Expr.LambdaProperty lp) {
                Variable v = variables.get(lp.variable());
                if (v == null) throw ODataErrors.syntax("Unknown lambda variable '" + lp.variable() + "'.");
                return path(v.slot(), v.table(), lp.path(), lp.toCanonicalString());
            }
            throw ODataErrors.notSupported("The expression '" + e.toCanonicalString() + "' as an operand");
        }

        PropertyPath path(int slot, Table start, List<String> segments, String text) {
            if (segments.isEmpty()) throw ODataErrors.syntax("Empty property path.");
            List<String> lookups = new ArrayList<>();
            Set<Table> current = new LinkedHashSet<>(List.of(start));
            for (int i = 0; i < segments.size() - 1; i++) {
                String seg = segments.get(i);
                Set<Table> next = new LinkedHashSet<>();
                String column = null;
                for (Table t : current) {
                    for (Column c : t.columns()) {
                        if (c.type() != ColumnType.LOOKUP) continue;
                        if (c.name().equals(seg)) {
                            column = c.name();
                            c.targets().forEach(n -> schema.table(n).ifPresent(next::add));
                        } else if (seg.startsWith(c.name() + "_") && c.targets().contains(seg.substring(c.name().length() + 1))) {
                            column = c.name();
                            schema.table(seg.substring(c.name().length() + 1)).ifPresent(next::add);
                        }
                    }
                }
                if (column == null || next.isEmpty()) {
                    if (schema.collectionNavigation(current.iterator().next().logicalName(), seg).isPresent()) {
                        throw ODataErrors.notSupported("A collection navigation ('" + seg + "') outside a lambda");
                    }
                    throw ODataErrors.propertyNotFound(seg, "Microsoft.Dynamics.CRM." + current.iterator().next().logicalName());
                }
                lookups.add(column);
                current = next;
            }
            String last = segments.get(segments.size() - 1);
            Map<String, Column> finals = new LinkedHashMap<>();
            for (Table t : current) {
                Column c = property(t, last);
                if (c != null) finals.put(t.logicalName(), c);
            }
            if (finals.isEmpty()) {
                throw ODataErrors.propertyNotFound(last, "Microsoft.Dynamics.CRM." + current.iterator().next().logicalName());
            }
            Column first = finals.values().iterator().next();
            ColumnType type = first == PropertyPath.ID ? ColumnType.UNIQUEIDENTIFIER : first.type();
            return new PropertyPath(slot, lookups, finals, type, text);
        }

        /** A column of a table by its Web API or logical name; {@link PropertyPath#ID} for the key. */
        private Column property(Table t, String name) {
            if (name.equals(t.primaryIdColumn())) return PropertyPath.ID;
            if (name.equals("ownerid") && PRINCIPALS.contains(t.logicalName())) return PropertyPath.ID;
            if (name.startsWith("_") && name.endsWith("_value")) {
                String column = name.substring(1, name.length() - 6);
                return t.column(column).filter(c -> c.type() == ColumnType.LOOKUP).orElse(null);
            }
            return t.column(name).orElse(null);
        }

        private Table table(String name) {
            return schema.table(name).orElseThrow(() -> ODataErrors.resourceNotFound(name));
        }
    }
}
