package io.ppmlab.emulator.product.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.emulator.product.ConfigurationSettings;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The panel configuration in force: the product's built-in defaults ({@code default-panels.json}), replaced as a
 * whole by {@code statusUpdateInformationPanels_IQ} when that setting is not blank (it ships blank), then
 * overridden field by field by the administrator's {@code statusUpdateInformationPanels_IQA} ("once overwritten
 * the default configuration will no longer apply" to that field). Also the Duplicate/Clear field list
 * ({@code statusUpdateConfig}). Parsed once per distinct setting text.
 */
final class PanelSettings {
    static final String DEFAULTS_KEY = "statusUpdateInformationPanels_IQ";
    static final String OVERRIDES_KEY = "statusUpdateInformationPanels_IQA";
    static final String DUPLICATE_KEY = "statusUpdateConfig";
    static final List<String> SHIPPED_DUPLICATE_FIELDS = List.of("sensei_deliverablesstatus", "sensei_schedulestatus", "sensei_workstatus",
            "sensei_financialsstatus", "sensei_issuesstatus", "sensei_changerequestsstatus", "sensei_risksstatus");
    private static final String BUILT_IN = builtIn();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Table statusUpdate;
    private final PanelConfigJson parser;
    private volatile Cached cached;

    private record Cached(String defaults, String overrides, PanelConfig config) {}

    PanelSettings(Table statusUpdate) {
        this.statusUpdate = statusUpdate;
        this.parser = new PanelConfigJson(statusUpdate);
    }

    PanelConfig current(ConfigurationSettings settings) {
        String defaults = settings.value(DEFAULTS_KEY).orElse(null);
        String overrides = settings.value(OVERRIDES_KEY).orElse(null);
        Cached c = cached;
        if (c != null && Objects.equals(c.defaults(), defaults) && Objects.equals(c.overrides(), overrides)) return c.config();
        PanelConfig config = merge(defaults == null ? parser.parse("the built-in panel defaults", BUILT_IN) : parser.parse(DEFAULTS_KEY, defaults),
                overrides == null ? null : parser.parse(OVERRIDES_KEY, overrides));
        cached = new Cached(defaults, overrides, config);
        return config;
    }

    static PanelConfig merge(PanelConfig base, PanelConfig overrides) {
        if (overrides == null) return base;
        Map<String, PanelConfig.Field> fields = new LinkedHashMap<>();
        base.fields().forEach(f -> fields.put(f.logicalName(), f));
        overrides.fields().forEach(f -> fields.merge(f.logicalName(), f, PanelSettings::override));
        return new PanelConfig(overrides.parentFields().isEmpty() ? base.parentFields() : overrides.parentFields(),
                overrides.overallKpi() == null ? base.overallKpi() : overrides.overallKpi(), List.copyOf(fields.values()));
    }

    /**
     * An administrator's entry over a default one: it replaces the calculation for each parent table it configures
     * (the other parent keeps the default) and each display setting or warning list it gives.
     */
    private static PanelConfig.Field override(PanelConfig.Field base, PanelConfig.Field over) {
        List<PanelConfig.Calculation> calculations = new ArrayList<>(over.calculations());
        for (PanelConfig.Calculation c : base.calculations()) {
            if (over.under(c.parent()).isEmpty()) calculations.add(c);
        }
        return new PanelConfig.Field(base.logicalName(), first(over.valueSuffix(), base.valueSuffix()),
                first(over.labelOverride(), base.labelOverride()), first(over.tooltipOverride(), base.tooltipOverride()),
                first(over.typeOverride(), base.typeOverride()), first(over.defaultColour(), base.defaultColour()),
                first(over.kpi(), base.kpi()), first(over.kpiDefault(), base.kpiDefault()), List.copyOf(calculations),
                over.warnings().isEmpty() ? base.warnings() : over.warnings());
    }

    private static <T> T first(T a, T b) { return a != null ? a : b; }

    /** The fields Duplicate copies and Clear clears; a lookup or an unknown column is refused. */
    List<String> duplicateFields(ConfigurationSettings settings) {
        String text = settings.value(DUPLICATE_KEY).orElse(null);
        if (text == null) return SHIPPED_DUPLICATE_FIELDS;
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            throw new PanelConfigJson.Invalid(DUPLICATE_KEY + " is not valid JSON: it must be an array of sensei_statusupdate column names.");
        }
        if (node == null || !node.isArray()) throw new PanelConfigJson.Invalid(DUPLICATE_KEY + " must be an array of sensei_statusupdate column names.");
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            String name = n.asText();
            var column = statusUpdate.column(name).orElseThrow(() -> new PanelConfigJson.Invalid(
                    DUPLICATE_KEY + " names '" + name + "', which is not a column of sensei_statusupdate."));
            if (column.type() == ColumnType.LOOKUP || name.equals(statusUpdate.primaryIdColumn())) {
                throw new PanelConfigJson.Invalid(DUPLICATE_KEY + " names '" + name + "', a lookup: lookup fields are never copied or cleared.");
            }
            out.add(name);
        }
        return List.copyOf(out);
    }

    private static String builtIn() {
        try (InputStream in = PanelSettings.class.getResourceAsStream("default-panels.json")) {
            if (in == null) throw new IllegalStateException("default-panels.json is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
