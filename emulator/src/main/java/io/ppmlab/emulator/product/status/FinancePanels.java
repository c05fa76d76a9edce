package io.ppmlab.emulator.product.status;

import io.ppmlab.schema.Row;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The finance panels, which the product hard-codes ("their complexity is too high to make this configurable"):
 * budget and actual cost of the parent (a program's actual cost is the sum over its projects, read as the
 * creating user), their variance, and the Financials KPI: On Watch when the variance is more than 10 % of the
 * budget either way, else On Track.
 */
final class FinancePanels {
    static final Set<String> FIELDS = Set.of("sensei_budget", "sensei_actualcost", "sensei_financialvariance");
    static final String KPI = "sensei_financialsstatus";
    private static final BigDecimal TEN_PERCENT = new BigDecimal("0.10");

    private FinancePanels() {}

    /** {@code programActualCost} is consulted only for a program parent. */
    static Map<String, Object> values(Row parent, java.util.function.Supplier<BigDecimal> programActualCost) {
        Map<String, Object> out = new LinkedHashMap<>();
        BigDecimal budget = PanelValues.number(parent.get("sensei_budget"));
        BigDecimal actual = parent.table().equals("sensei_project") ? PanelValues.number(parent.get("sensei_actualcost")) : programActualCost.get();
        out.put("sensei_budget", budget);
        out.put("sensei_actualcost", actual);
        out.put("sensei_financialvariance", budget == null || actual == null ? null : actual.subtract(budget));
        return out;
    }

    static Integer kpi(Map<String, Object> values) {
        BigDecimal budget = PanelValues.number(values.get("sensei_budget"));
        BigDecimal variance = PanelValues.number(values.get("sensei_financialvariance"));
        if (budget == null || variance == null) return null;
        return variance.abs().compareTo(budget.abs().multiply(TEN_PERCENT)) > 0 ? Kpis.ON_WATCH : Kpis.ON_TRACK;
    }
}
