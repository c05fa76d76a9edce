package io.ppmlab.emulator.odata.model;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A parsed {@code $filter} expression. Literal values are String, Long, BigDecimal, Double, Boolean, UUID,
 * Instant (Edm.DateTimeOffset) or LocalDate (Edm.Date). Property paths go through lookups
 * ({@code [sensei_program, sensei_name]}); inside a lambda, {@link LambdaProperty} is relative to the variable.
 * Java 17 has no pattern switch, so each variant implements the two tree walks itself: the compiler still
 * refuses a new variant that forgets one.
 */
public sealed interface Expr {

    enum Op {
        EQ, NE, GT, GE, LT, LE, AND, OR;

        public boolean isComparison() { return this != AND && this != OR; }
    }

    enum LambdaKind { ANY, ALL }

    /** Conditions as Dataverse counts them toward its limit of 500: comparisons, function calls, lambdas. */
    int conditionCount();

    /** A fully parenthesised text form for table-driven tests (in the spirit of Olingo's FilterValidator). */
    String toCanonicalString();

    record Literal(Object value) implements Expr {
        public Literal {
            if (value == null) throw new IllegalArgumentException("use Null for null literals");
        }
        public int conditionCount() { return 0; }
        public String toCanonicalString() { return literal(value); }
    }

    record Null() implements Expr {
        public int conditionCount() { return 0; }
        public String toCanonicalString() { return "null"; }
    }

    record Property(List<String> path) implements Expr {
        public Property { path = List.copyOf(path); }
        public int conditionCount() { return 0; }
        public String toCanonicalString() { return String.join("/", path); }
    }

    /** A property reached through the variable of an enclosing {@link Lambda}: {@code t/statecode}. */
    record LambdaProperty(String variable, List<String> path) implements Expr {
        public LambdaProperty { path = List.copyOf(path); }
        public int conditionCount() { return 0; }
        public String toCanonicalString() { return variable + "/" + String.join("/", path); }
    }

    record Binary(Op op, Expr left, Expr right) implements Expr {
        public int conditionCount() {
            return (op.isComparison() ? 1 : 0) + left.conditionCount() + right.conditionCount();
        }
        public String toCanonicalString() {
            return "(" + left.toCanonicalString() + " " + op.name().toLowerCase(Locale.ROOT) + " "
                    + right.toCanonicalString() + ")";
        }
    }

    record Not(Expr operand) implements Expr {
        public int conditionCount() { return operand.conditionCount(); }
        public String toCanonicalString() { return "not(" + operand.toCanonicalString() + ")"; }
    }

    /** A built-in OData function: {@code contains}, {@code startswith}, {@code endswith}. */
    record Call(String function, List<Expr> args) implements Expr {
        public Call { args = List.copyOf(args); }
        public int conditionCount() { return 1; }
        public String toCanonicalString() {
            return function + "(" + args.stream().map(Expr::toCanonicalString).collect(Collectors.joining(",")) + ")";
        }
    }

    /**
     * A Dataverse query function, {@code Microsoft.Dynamics.CRM.<name>(PropertyName=..., PropertyValue(s)=...)}:
     * {@code values} holds PropertyValue, PropertyValue1/2 or the PropertyValues items as text, in order.
     */
    record QueryFunction(String name, String propertyName, List<String> values) implements Expr {
        public QueryFunction { values = List.copyOf(values); }
        public int conditionCount() { return 1; }
        public String toCanonicalString() {
            return name + "(" + propertyName + values.stream().map(v -> "," + literal(v)).collect(Collectors.joining())
                    + ")";
        }
    }

    /** {@code sensei_project_sensei_program/any(t: ...)}: {@code collectionPath} ends in a collection navigation. */
    record Lambda(LambdaKind kind, List<String> collectionPath, String variable, Expr body) implements Expr {
        public Lambda { collectionPath = List.copyOf(collectionPath); }
        public int conditionCount() { return 1 + body.conditionCount(); }
        public String toCanonicalString() {
            return String.join("/", collectionPath) + "/" + kind.name().toLowerCase(Locale.ROOT)
                    + "(" + variable + ":" + body.toCanonicalString() + ")";
        }
    }

    private static String literal(Object v) {
        return v instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(v);
    }
}
