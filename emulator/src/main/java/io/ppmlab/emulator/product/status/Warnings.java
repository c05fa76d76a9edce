package io.ppmlab.emulator.product.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a panel's warnings top to bottom and stops at the first breached one. A warning whose values are
 * missing (an empty panel) is not breached.
 */
final class Warnings {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Warnings() {}

    static Optional<PanelConfig.Warning> firstBreached(PanelConfig.Field field, Map<String, Object> values) {
        for (PanelConfig.Warning w : field.warnings()) {
            if (breached(w, values.get(field.logicalName()), values)) return Optional.of(w);
        }
        return Optional.empty();
    }

    static boolean breached(PanelConfig.Warning w, Object value, Map<String, Object> values) {
        BigDecimal x;
        BigDecimal c;
        if (w.compareTo() instanceof PanelConfig.Static s) {
            x = PanelValues.number(value);
            c = s.value();
        } else if (w.compareTo() instanceof PanelConfig.Panel p) {
            x = PanelValues.number(value);
            c = PanelValues.number(values.get(p.field()));
        } else {
            PanelConfig.Duration d = (PanelConfig.Duration) w.compareTo();
            LocalDate start = PanelValues.date(values.get(d.start()));
            LocalDate mine = PanelValues.date(value);
            LocalDate end = PanelValues.date(values.get(d.end()));
            if (start == null || mine == null || end == null) return false;
            long reference = ChronoUnit.DAYS.between(start, end);
            x = BigDecimal.valueOf(ChronoUnit.DAYS.between(start, mine) - reference);
            c = BigDecimal.valueOf(reference);
        }
        if (x == null || c == null) return false;
        BigDecimal bound = w.percent() == null ? c : c.multiply(w.percent()).divide(HUNDRED);
        int cmp = x.compareTo(bound);
        return switch (w.operator()) {
            case EQUAL -> cmp == 0;
            case NOT_EQUAL -> cmp != 0;
            case GREATER_THAN -> cmp > 0;
            case GREATER_THAN_OR_EQUAL -> cmp >= 0;
            case LESS_THAN -> cmp < 0;
            case LESS_THAN_OR_EQUAL -> cmp <= 0;
            // "if the value is within the threshold it will be fine, only if it is greater than this will it be triggered"
            case VARIANCE_PLUS_MINUS -> x.abs().compareTo(bound.abs()) > 0;
        };
    }
}
