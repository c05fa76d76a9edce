package io.ppmlab.emulator.payload;

import io.ppmlab.schema.Column;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code OData.Community.Display.V1.FormattedValue} strings, formatted as an en-US user in UTC
 * sees them (the emulator has no per-user time zone or locale settings).
 */
final class FormattedValues {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm a", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);

    private FormattedValues() {}

    /** The formatted value, or null when the column type has none (strings, GUIDs). */
    static String format(Column column, Object value) {
        return switch (column.type()) {
            case CHOICE -> column.label((Integer) value).orElse(String.valueOf(value));
            case BOOLEAN -> ((Boolean) value) ? "Yes" : "No";
            case MONEY -> NumberFormat.getCurrencyInstance(Locale.US).format((BigDecimal) value);
            case INT, BIGINT -> NumberFormat.getIntegerInstance(Locale.US).format(((Number) value).longValue());
            case DECIMAL -> decimal((BigDecimal) value);
            case DATETIME -> DATE_TIME.format((Instant) value);
            case DATEONLY -> DATE.format((LocalDate) value);
            case STRING, MEMO, UNIQUEIDENTIFIER, LOOKUP -> null;
        };
    }

    private static String decimal(BigDecimal value) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.US);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(Math.max(2, value.scale()));
        return f.format(value);
    }
}
