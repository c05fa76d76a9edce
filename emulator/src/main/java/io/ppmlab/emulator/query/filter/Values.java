package io.ppmlab.emulator.query.filter;

import io.ppmlab.emulator.odata.ODataErrors;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/**
 * Comparing and converting the values rows hold (String, Integer, Long, BigDecimal, Instant, LocalDate, Boolean,
 * UUID; lookups read as their target id) the way Dataverse's SQL does: strings ignore case, numbers compare by
 * value whatever their Java type, a date compares with a date-time at midnight UTC.
 */
public final class Values {
    /** What reading through a lookup yields when the caller may not read the target: matches nothing. */
    public static final Object UNREADABLE = new Object() {
        @Override public String toString() { return "<unreadable>"; }
    };

    private Values() {}

    /** Sign of a compared with b; both non-null. Throws when the kinds cannot be compared. */
    public static int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) return x.compareToIgnoreCase(y);
        if (a instanceof Number x && b instanceof Number y) return compareNumbers(x, y);
        if (a instanceof Instant x && b instanceof Instant y) return x.compareTo(y);
        if (a instanceof LocalDate x && b instanceof LocalDate y) return x.compareTo(y);
        if (a instanceof Instant x && b instanceof LocalDate y) return x.compareTo(startOf(y));
        if (a instanceof LocalDate x && b instanceof Instant y) return startOf(x).compareTo(y);
        if (a instanceof Boolean x && b instanceof Boolean y) return Boolean.compare(x, y);
        if (a instanceof UUID x && b instanceof UUID y) return x.compareTo(y);
        if (a instanceof EntityRef x) return compare(x.id(), b);
        if (b instanceof EntityRef y) return compare(a, y.id());
        throw ODataErrors.syntax("Cannot compare a value of type " + edmType(a) + " with " + edmType(b) + ".");
    }

    /** The OData name of a value's type, for messages (which never name Java types). */
    static String edmType(Object v) {
        if (v instanceof String) return "Edm.String";
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return "Edm.Int32";
        if (v instanceof Long) return "Edm.Int64";
        if (v instanceof Number) return "Edm.Decimal";
        if (v instanceof Instant) return "Edm.DateTimeOffset";
        if (v instanceof LocalDate) return "Edm.Date";
        if (v instanceof Boolean) return "Edm.Boolean";
        if (v instanceof UUID) return "Edm.Guid";
        return "an unsupported type";
    }

    /** Equality as {@code eq} sees it (case-insensitive strings, numbers by value). */
    public static boolean same(Object a, Object b) { return compare(a, b) == 0; }

    private static int compareNumbers(Number x, Number y) {
        if (integral(x) && integral(y)) return Long.compare(x.longValue(), y.longValue());
        return decimal(x).compareTo(decimal(y));
    }

    private static boolean integral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    public static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) return d;
        if (integral(n)) return BigDecimal.valueOf(n.longValue());
        return new BigDecimal(n.toString());
    }

    public static Instant startOf(LocalDate d) { return d.atStartOfDay(ZoneOffset.UTC).toInstant(); }

    /**
     * A hashable key with the equality of {@link #same}: lower-cased strings, integral numbers as Long, other
     * numbers without trailing zeros, lookups as their id, dates as midnight UTC instants.
     */
    public static Object key(Object v) {
        if (v == null) return null;
        if (v instanceof String s) return s.toLowerCase(Locale.ROOT);
        if (v instanceof Number n) {
            BigDecimal d = decimal(n).stripTrailingZeros();
            if (d.scale() <= 0 && d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                    && d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) return d.longValueExact();
            return d;
        }
        if (v instanceof EntityRef r) return r.id();
        if (v instanceof LocalDate d) return startOf(d);
        return v;
    }

    /**
     * A literal made fit for comparing with a column of {@code type}: text parsed (FetchXML values, quoted GUIDs,
     * query-function values are all text), dates and date-times converted. Refused with a 400 when it cannot be.
     */
    public static Object coerce(Object literal, ColumnType type, String property) {
        if (literal == null || type == null) return literal;
        try {
            return switch (type) {
                case STRING, MEMO -> literal instanceof String ? literal : literal.toString();
                case INT, CHOICE, BIGINT -> literal instanceof String s ? integer(s) : number(literal);
                case DECIMAL, MONEY -> literal instanceof String s ? new BigDecimal(s.trim()) : number(literal);
                case BOOLEAN -> bool(literal);
                case DATETIME -> instant(literal);
                case DATEONLY -> date(literal);
                case LOOKUP, UNIQUEIDENTIFIER -> uuid(literal);
            };
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            // ArithmeticException: an integer literal beyond 64 bits (FetchXML's value="1e999")
            String text = String.valueOf(literal);
            if (text.length() > 100) text = text.substring(0, 100) + "...";
            throw ODataErrors.syntax("The value '" + text + "' is not valid for the property '" + property + "'.");
        }
    }

    private static Object integer(String s) {
        BigDecimal d = new BigDecimal(s.trim());
        return d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValueExact() : d;
    }

    private static Object number(Object v) {
        if (v instanceof Double d) return BigDecimal.valueOf(d);
        if (v instanceof Float f) return new BigDecimal(f.toString());
        if (v instanceof Number) return v;
        throw new NumberFormatException(String.valueOf(v));
    }

    private static Boolean bool(Object v) {
        if (v instanceof Boolean b) return b;
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new NumberFormatException(s);
        };
    }

    static Instant instant(Object v) {
        if (v instanceof Instant i) return i;
        if (v instanceof LocalDate d) return startOf(d);
        String s = v.toString().trim();
        if (s.length() <= 10) return startOf(LocalDate.parse(s));
        if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) return OffsetDateTime.parse(s).toInstant();
        return java.time.LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }

    static LocalDate date(Object v) {
        if (v instanceof LocalDate d) return d;
        if (v instanceof Instant i) return LocalDate.ofInstant(i, ZoneOffset.UTC);
        String s = v.toString().trim();
        return s.length() <= 10 ? LocalDate.parse(s) : LocalDate.ofInstant(instant(s), ZoneOffset.UTC);
    }

    static UUID uuid(Object v) {
        if (v instanceof UUID u) return u;
        if (v instanceof EntityRef r) return r.id();
        String s = v.toString().trim();
        if (s.startsWith("{") && s.endsWith("}")) s = s.substring(1, s.length() - 1);
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new NumberFormatException(s);
        }
    }
}
