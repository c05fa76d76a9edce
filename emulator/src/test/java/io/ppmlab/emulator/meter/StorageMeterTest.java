package io.ppmlab.emulator.meter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.emulator.store.MemoryStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.schema.Row;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.ppmlab.emulator.meter.RowSizeModelTest.SCHEMA;
import static io.ppmlab.emulator.meter.RowSizeModelTest.capacityRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StorageMeterTest {
    @Test
    void reportsEveryTableAndTheCapacityQuotaPerResourceYear() throws Exception {
        try (MemoryStore store = new MemoryStore(SCHEMA)) {
            List<Mutation> rows = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                UUID resource = new UUID(7, r);
                for (LocalDate d = LocalDate.of(2026, 1, 1); d.isBefore(LocalDate.of(2028, 1, 1)); d = d.plusDays(1)) {
                    rows.add(new Mutation.Put(capacityRow(resource, d)));
                }
            }
            UUID program = UUID.randomUUID();
            rows.add(new Mutation.Put(new Row("sensei_program", program, Map.of("sensei_programid", program, "sensei_name", "Growth"))));
            store.apply(rows);

            MeterReport report = StorageMeter.measure(store, SCHEMA);

            MeterReport.CapacityFigure c = report.capacity();
            assertThat(c.rows()).isEqualTo(3 * 730);
            assertThat(c.resources()).isEqualTo(3);
            assertThat(c.resourceDays()).isEqualTo(3 * 730);
            assertThat(c.resourceYears()).isCloseTo(6.0, within(1e-9));
            assertThat(c.firstDate()).isEqualTo("2026-01-01");
            assertThat(c.lastDate()).isEqualTo("2027-12-31");
            assertThat(c.quotaPerRow()).isCloseTo(463.5, within(0.01));
            assertThat(c.quotaPerResourceYearKb()).isCloseTo(169.18, within(0.01));
            assertThat(c.deviation()).isCloseTo(-0.005, within(0.001));
            assertThat(c.withVersionTagsKb()).isCloseTo(169.18 + 8 * 14 * 365 / 1000.0, within(0.01));
            assertThat(c.typicalRow()).last().asString().startsWith("total 463.50 B per row");

            MeterReport.TableLine capacity = line(report, "sensei_resourcecapacity");
            assertThat(capacity.storeBytes()).isEqualTo(store.bytesUsed("sensei_resourcecapacity"));
            assertThat(capacity.quotaBytes()).isEqualTo(capacity.dataBytes() + capacity.offRowBytes() + capacity.indexBytes());
            assertThat(capacity.indexes()).hasSize(7).allMatch(i -> i.entries() == 3 * 730);
            assertThat(line(report, "sensei_program").rows()).isEqualTo(1);
            assertThat(line(report, "sensei_project").quotaBytes()).isZero();
            assertThat(report.tables()).hasSize(SCHEMA.tables().size());
            assertThat(report.quotaBytes()).isEqualTo(report.tables().stream().mapToLong(MeterReport.TableLine::quotaBytes).sum());
            assertThat(report.rows()).isEqualTo(3 * 730 + 1);

            JsonNode json = new ObjectMapper().readTree(report.toJson());
            assertThat(json.at("/capacity/resources").asLong()).isEqualTo(3);
            assertThat(json.at("/tables").size()).isEqualTo(SCHEMA.tables().size());
            assertThat(report.toText()).contains("sensei_resourcecapacity").contains("169.2 KB per resource-year");
        }
    }

    @Test
    void aResourceDayCountsOnceAndAnEmptyStoreHasNoCapacityFigure() {
        try (MemoryStore store = new MemoryStore(SCHEMA)) {
            assertThat(StorageMeter.measure(store, SCHEMA).capacity()).isNull();
            UUID resource = UUID.randomUUID();
            Row a = capacityRow(resource, LocalDate.of(2026, 5, 1));
            Row twin = new Row(a.table(), UUID.randomUUID(), a.values()); // same resource and day, another row
            store.apply(List.of(new Mutation.Put(a), new Mutation.Put(twin)));
            MeterReport.CapacityFigure c = StorageMeter.measure(store, SCHEMA).capacity();
            assertThat(c.rows()).isEqualTo(2);
            assertThat(c.resourceDays()).isEqualTo(1);
        }
    }

    private static MeterReport.TableLine line(MeterReport report, String table) {
        return report.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }
}
