package io.ppmlab.emulator.product.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.schema.Column;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Panel values and their conversions: numbers are {@link BigDecimal}, dates {@link LocalDate}, date-times
 * {@link Instant}. A type override converts first; the value is then coerced to the column's type, as the
 * product "tries to coerce the value to the target field type".
 */
final class PanelValues {
    private PanelValues() {}

    /** A value read from a Web API response. */
    static Object of(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isNumber()) return v.decimalValue();
        if (v.isBoolean()) return v.booleanValue();
        return v.asText();
    }

    static BigDecimal number(Object v) {
        if (v instanceof BigDecimal d) return d;
        if (v instanceof Number n) return new BigDecimal(n.toString());
        if (v instanceof LocalDate d) return BigDecimal.valueOf(d.toEpochDay());
        if (v instanceof Instant i) return BigDecimal.valueOf(i.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay());
        if (v instanceof String s) {
            try { return new BigDecimal(s.trim()); } catch (NumberFormatException e) { return date(s) == null ? null : BigDecimal.valueOf(date(s).toEpochDay()); }
        }
        return null;
    }

    static LocalDate date(Object v) {
        if (v instanceof LocalDate d) return d;
        if (v instanceof Instant i) return i.atZone(ZoneOffset.UTC).toLocalDate();
        if (v instanceof String s) {
            try { return LocalDate.parse(s.trim()); } catch (DateTimeParseException e) {
                try { return OffsetDateTime.parse(s.trim()).toLocalDate(); } catch (DateTimeParseException e2) { return null; }
            }
        }
        return null;
    }

    static Object override(Object v, PanelConfig.TypeOverride type) {
        if (v == null || type == null) return v;
        return switch (type) {
            case DATE_ONLY -> date(v);
            case DATE_AND_TIME -> v instanceof Instant ? v : date(v) == null ? instant(v) : date(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            case CURRENCY -> number(v) == null ? null : number(v).setScale(2, RoundingMode.HALF_UP);
            case DECIMAL -> number(v);
            case INTEGER -> number(v) == null ? null : number(v).setScale(0, RoundingMode.HALF_UP);
        };
    }

    private static Instant instant(Object v) {
        try { return OffsetDateTime.parse(v.toString()).toInstant(); } catch (DateTimeParseException e) { return null; }
    }

    /** The value as the column stores it, or null when it cannot be. */
    static Object coerce(Object v, Column column) {
        if (v == null) return null;
        return switch (column.type()) {
            case INT -> number(v) == null ? null : number(v).setScale(0, RoundingMode.HALF_UP).intValueExact();
            case BIGINT -> number(v) == null ? null : number(v).setScale(0, RoundingMode.HALF_UP).longValueExact();
            case DECIMAL, MONEY -> number(v);
            case DATEONLY -> date(v);
            case DATETIME -> override(v, PanelConfig.TypeOverride.DATE_AND_TIME);
            case STRING, MEMO -> v.toString();
            default -> v;
        };
    }
}
