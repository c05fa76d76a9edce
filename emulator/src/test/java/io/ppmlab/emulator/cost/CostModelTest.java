package io.ppmlab.emulator.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cost model: each counted quantity moves the figure by its coefficient; the committed profile cites its figures. */
class CostModelTest {
    private static CostModel distinctCoefficients() {
        Map<Quantity, Double> units = new EnumMap<>(Quantity.class);
        for (Quantity q : Quantity.values()) units.put(q, 0.5 + q.ordinal());
        return new CostModel(new CostProfile("test", Map.of("other", 3.0, "retrieve", 7.0, "create", 11.0), units));
    }

    @ParameterizedTest
    @EnumSource(Quantity.class)
    void eachQuantityMovesTheFigureByItsCoefficient(Quantity q) {
        CostModel model = distinctCoefficients();
        Work w = new Work();
        w.classify("retrieve", "sensei_project");
        double base = model.modelledMs(w);
        w.add(q, 4);
        assertThat(model.modelledMs(w) - base).isCloseTo(4 * (0.5 + q.ordinal()), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theOperationPicksTheFixedCostAndUnknownOnesFallBackToOther() {
        CostModel model = distinctCoefficients();
        Work w = new Work();
        assertThat(model.modelledMs(w)).isEqualTo(3.0);
        w.classify("create", "sensei_risk");
        assertThat(model.modelledMs(w)).isEqualTo(11.0);
        w.classify("no-such-kind", "");
        assertThat(model.modelledMs(w)).isEqualTo(3.0);
    }

    @Test
    void batchPartsPayTheirOwnOperationsFixedCost() {
        CostModel model = distinctCoefficients();
        Work w = new Work();
        w.classify("batch", "");
        w.part("create");
        w.part("retrieve");
        double parts = 0.5 + Quantity.BATCH_PARTS.ordinal();
        assertThat(model.modelledMs(w)).isEqualTo(3.0 + 11.0 + 7.0 + 2 * parts);
    }

    @Test
    void theSameWorkAlwaysCostsTheSame() {
        CostModel model = new CostModel(CostProfile.standard());
        Work w = new Work();
        w.classify("query", "sensei_project");
        w.add(Quantity.ROWS_SCANNED, 5000);
        w.add(Quantity.ROWS_RETURNED, 50);
        w.add(Quantity.BYTES_OUT, 12_345);
        double first = model.modelledMs(w);
        for (int i = 0; i < 100; i++) assertThat(model.modelledMs(w)).isEqualTo(first);
        // 25 + 5000 x 0.004 + 50 x 0.25 + 12,345 x 0.0002 = 59.969 -> 59.97
        assertThat(first).isEqualTo(59.97);
    }

    @Test
    void theCommittedProfileCitesOrMarksEveryCoefficientAndCoversEveryQuantity() throws Exception {
        JsonNode root;
        try (InputStream in = CostProfile.class.getResourceAsStream(CostProfile.RESOURCE)) {
            root = new ObjectMapper().readTree(in);
        }
        for (String section : new String[]{"perRequestMs", "perUnitMs"}) {
            root.path(section).fields().forEachRemaining(e ->
                    assertThat(e.getValue().path("source").asText()).as(section + "." + e.getKey()).matches("(?s)(\\[[LOS]\\]|assumption).*"));
        }
        for (Quantity q : Quantity.values()) assertThat(root.path("perUnitMs").has(q.key())).as(q.key()).isTrue();
        for (String op : new String[]{"retrieve", "query", "count", "create", "update", "delete", "property", "function", "action", "bulk", "batch", "metadata", "other"}) {
            assertThat(root.path("perRequestMs").has(op)).as(op).isTrue();
        }
    }

    @Test
    void aProfileWithANegativeOrUnknownCoefficientIsRefused() throws Exception {
        ObjectMapper m = new ObjectMapper();
        assertThatThrownBy(() -> CostProfile.parse(m.readTree("{\"perRequestMs\":{\"other\":-1}}"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CostProfile.parse(m.readTree("{\"perRequestMs\":{\"other\":1},\"perUnitMs\":{\"rowz\":1}}")))
                .hasMessageContaining("rowz");
    }
}
