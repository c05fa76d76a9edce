package io.ppmlab.emulator.product.status;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.operations.WriteRules;
import io.ppmlab.emulator.product.ConfigurationSettings;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The write rules with the status update snapshot added: a {@code sensei_statusupdate} created under a parent
 * (the first of the configured parent lookups that is set) gets its panel values and default KPIs before it is
 * saved, once: later changes to the parent or an update of the row do not recalculate it. KPIs the client set
 * are kept; Overall rolls up the others. With the subscription ended the product does nothing (plain Dataverse).
 */
final class StatusUpdateRules implements WriteRules {
    static final String TABLE = "sensei_statusupdate";
    static final List<String> STANDARD_KPIS = List.of("sensei_deliverablesstatus", "sensei_schedulestatus", "sensei_workstatus",
            "sensei_financialsstatus", "sensei_issuesstatus", "sensei_changerequestsstatus", "sensei_risksstatus");

    private final WriteRules inner;
    private final Store store;
    private final PanelSettings settings;
    private final PanelCalculator calculator;
    private final BooleanSupplier productActive;

    StatusUpdateRules(WriteRules inner, Store store, PanelSettings settings, PanelCalculator calculator, BooleanSupplier productActive) {
        this.inner = inner;
        this.store = store;
        this.settings = settings;
        this.calculator = calculator;
        this.productActive = productActive;
    }

    @Override
    public Row beforeCreate(Caller caller, Table table, Row row) {
        Row adjusted = inner.beforeCreate(caller, table, row);
        if (!table.logicalName().equals(TABLE) || !productActive.getAsBoolean()) return adjusted;
        return snapshot(caller, adjusted);
    }

    private Row snapshot(Caller caller, Row row) {
        PanelConfig config;
        try {
            config = settings.current(new ConfigurationSettings(store));
        } catch (PanelConfigJson.Invalid e) {
            throw ErrorCode.STATUS_UPDATE_CONFIGURATION.error(e.getMessage());
        }
        Optional<Row> parent = parent(config, row);
        if (parent.isEmpty()) return row;
        Map<String, Object> values;
        try {
            values = calculator.compute(caller, config, parent.get());
        } catch (PanelConfigJson.Invalid e) {
            throw ErrorCode.STATUS_UPDATE_CONFIGURATION.error(e.getMessage());
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        values.forEach((k, v) -> { if (v != null) changes.put(k, v); });
        Set<String> kpis = new LinkedHashSet<>(STANDARD_KPIS);
        for (PanelConfig.Field f : config.fields()) {
            if (f.kpi() == null || f.under(parent.get().table()).isEmpty()) continue;
            kpis.add(f.kpi());
            if (row.get(f.kpi()) != null || changes.containsKey(f.kpi())) continue; // a KPI set by the user is kept
            Integer breached = Warnings.firstBreached(f, values).map(PanelConfig.Warning::kpiDefault).orElse(null);
            changes.put(f.kpi(), breached != null ? breached : f.kpiDefault() != null ? f.kpiDefault() : Kpis.ON_TRACK);
        }
        if (row.get(FinancePanels.KPI) == null && FinancePanels.kpi(values) != null) changes.put(FinancePanels.KPI, FinancePanels.kpi(values));
        String overall = config.overallKpi();
        if (overall != null && row.get(overall) == null) {
            List<Integer> others = new ArrayList<>();
            for (String k : kpis) {
                if (k.equals(overall)) continue;
                Object v = changes.containsKey(k) ? changes.get(k) : row.get(k);
                if (v instanceof Integer i) others.add(i);
            }
            changes.put(overall, Kpis.overall(others));
        }
        return row.with(changes);
    }

    private Optional<Row> parent(PanelConfig config, Row row) {
        for (String lookup : config.parentFields()) {
            EntityRef ref = row.ref(lookup);
            if (ref != null) return store.get(ref.table(), ref.id());
        }
        return Optional.empty();
    }

    @Override
    public List<Mutation> alongside(Caller caller, Table table, Optional<Row> before, Row after) { return inner.alongside(caller, table, before, after); }

    @Override
    public List<Mutation> onDelete(Caller caller, Table table, Row row) { return inner.onDelete(caller, table, row); }
}
