package io.ppmlab.emulator.product.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every comparison operator with each of the three comparison sources, as a table: value, source, percent → breached. */
class WarningsTest {
    @ParameterizedTest(name = "{0} {1} {2}% value {3} vs {4} -> {5}")
    @CsvSource({
            // operator, source, percent, value, comparison (static value or other panel's value), breached
            "EQUAL, Static, , 0, 0, true",
            "EQUAL, Static, , 1, 0, false",
            "NOT_EQUAL, Static, , 1, 0, true",
            "NOT_EQUAL, Panel, , 5, 5, false",
            "GREATER_THAN, Static, , 1, 0, true",
            "GREATER_THAN, Static, , 0, 0, false",
            "GREATER_THAN_OR_EQUAL, Panel, , 5, 5, true",
            "LESS_THAN, Panel, , 4, 5, true",
            "LESS_THAN, Panel, , 5, 5, false",
            "LESS_THAN_OR_EQUAL, Static, , 5, 5, true",
            "VARIANCE_PLUS_MINUS, Panel, 20, 21, 100, true",
            "VARIANCE_PLUS_MINUS, Panel, 20, -21, 100, true",
            "VARIANCE_PLUS_MINUS, Panel, 20, 20, 100, false",
            "VARIANCE_PLUS_MINUS, Panel, 20, -19, 100, false",
            "VARIANCE_PLUS_MINUS, Static, , 0, 0, false",
            "GREATER_THAN, Panel, 10, 11, 100, true",
            "GREATER_THAN, Panel, 10, 10, 100, false",
    })
    void staticAndPanelComparisons(PanelConfig.Operator op, String source, BigDecimal percent, BigDecimal value, BigDecimal other, boolean breached) {
        PanelConfig.Comparison to = source.equals("Static") ? new PanelConfig.Static(other) : new PanelConfig.Panel("sensei_baselinetotalwork");
        Map<String, Object> values = Map.of("sensei_workvariance", value, "sensei_baselinetotalwork", other);
        assertThat(Warnings.breached(new PanelConfig.Warning(op, to, percent, "red", 955000002), value, values)).isEqualTo(breached);
    }

    @ParameterizedTest(name = "start {0}, finish {1}, baseline {2}: {3} {4}% -> {5}")
    @CsvSource({
            // 100-day baseline: 111 days is more than 10 % over, 110 is not; 89 is more than 10 % under
            "2026-01-01, 2026-04-22, 2026-04-11, VARIANCE_PLUS_MINUS, 10, true",
            "2026-01-01, 2026-04-21, 2026-04-11, VARIANCE_PLUS_MINUS, 10, false",
            "2026-01-01, 2026-03-31, 2026-04-11, VARIANCE_PLUS_MINUS, 10, true",
            "2026-01-01, 2026-03-31, 2026-04-11, GREATER_THAN, 10, false",
            "2026-01-01, 2026-04-22, 2026-04-11, GREATER_THAN, 10, true",
    })
    void durationComparison(LocalDate start, LocalDate finish, LocalDate baseline, PanelConfig.Operator op, BigDecimal percent, boolean breached) {
        Map<String, Object> values = new HashMap<>();
        values.put("sensei_startdate", start);
        values.put("sensei_scheduledfinish", finish);
        values.put("sensei_baselinefinish", baseline);
        PanelConfig.Warning w = new PanelConfig.Warning(op, new PanelConfig.Duration("sensei_startdate", "sensei_baselinefinish"), percent, null, 955000001);
        assertThat(Warnings.breached(w, finish, values)).isEqualTo(breached);
    }
}
