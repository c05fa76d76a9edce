package io.ppmlab.emulator.meter;

import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Ownership;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import io.ppmlab.schema.Table;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The row-size model's arithmetic on rows whose size can be worked out by hand. */
class RowSizeModelTest {
    static final Schema SCHEMA = SchemaLoader.loadDefault();
    static final Table CAPACITY = SCHEMA.table(StorageMeter.CAPACITY_TABLE).orElseThrow();

    /** A capacity row as the emulator stores one: system columns set as on a create, no name (as the generator leaves it). */
    static Row capacityRow(UUID resource, LocalDate day) {
        UUID id = UUID.nameUUIDFromBytes((resource + "/" + day).getBytes());
        UUID user = new UUID(1, 1);
        UUID team = new UUID(2, 2);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sensei_resourcecapacityid", id);
        v.put("createdon", Instant.parse("2026-01-05T10:00:00Z"));
        v.put("modifiedon", Instant.parse("2026-01-05T10:00:00Z"));
        v.put("createdby", new EntityRef("systemuser", user));
        v.put("modifiedby", new EntityRef("systemuser", user));
        v.put("versionnumber", 123_456L);
        v.put("statecode", 0);
        v.put("statuscode", 1);
        v.put("ownerid", new EntityRef("team", team));
        v.put("owningteam", new EntityRef("team", team));
        v.put("owningbusinessunit", new EntityRef("businessunit", new UUID(3, 3)));
        v.put("sensei_bookableresource", new EntityRef("bookableresource", resource));
        v.put("sensei_date", day);
        v.put("sensei_capacity", new BigDecimal("8.0"));
        return new Row(StorageMeter.CAPACITY_TABLE, id, v);
    }

    @Test
    void theCapacityTableIsLaidOutAsDataverseWould() {
        TableLayout layout = TableLayout.of(CAPACITY);
        assertThat(layout.columns()).extracting(SqlColumn::name).containsExactly(
                "sensei_resourcecapacityid", "createdon", "modifiedon", "createdby", "modifiedby", "createdonbehalfby",
                "modifiedonbehalfby", "versionnumber", "statecode", "statuscode", "ownerid", "owneridtype", "owningbusinessunit",
                "sensei_name", "sensei_bookableresource", "sensei_date", "sensei_capacity",
                "importsequencenumber", "overriddencreatedon", "timezoneruleversionnumber", "utcconversiontimezonecode");
        assertThat(layout.column("sensei_capacity").sqlType()).isEqualTo("decimal(23,10)");
        assertThat(layout.column("sensei_date").sqlType()).isEqualTo("datetime");
        assertThat(layout.column("versionnumber").sqlType()).isEqualTo("rowversion");
        assertThat(layout.column("sensei_name").sqlType()).isEqualTo("nvarchar(200)");
        assertThat(layout.indexes()).extracting(SqlIndex::name).containsExactly("ndx_Security",
                "fndx_for_cascaderelationship_business_unit_sensei_resourcecapacity", "ndx_Core", "ndx_Sync", "ndx_sensei_name",
                "ndx_for_cascaderelationship_sensei_bookableresource", "ndx_for_entitykey_resourcecapacity_resource_date");
    }

    /**
     * Worked by hand: fixed columns 7 × 16 (id, createdby, modifiedby, createdonbehalfby, modifiedonbehalfby, ownerid,
     * owningbusinessunit) + 16 (resource) + 4 × 8 (createdon, modifiedon, versionnumber, overriddencreatedon) + 8 (date)
     * + 5 × 4 (statecode, statuscode, owneridtype, and two platform ints) + 4 (importsequencenumber) + 13 (decimal)
     * = 205; record = 4 + 205 + 2 + 3 (21 columns) = 214, + slot 2 = 216 → 37 a page → 221.41 B.
     * Indexes: ownerid 1+16+16+2 = 35; business unit 1+16+16+3+2 = 38; state 1+4+4+16+3+2 = 30; version
     * 1+8+16+3+2 = 30; name (null) 1+16+3+2 = 22; resource 38; alternate key 1+16+8+16+3+2 = 46.
     */
    @Test
    void aCapacityRowCostsWhatTheArithmeticSays() {
        RowSizeModel model = new RowSizeModel(TableLayout.of(CAPACITY));
        RowSizeModel.RowQuota q = model.quota(capacityRow(UUID.randomUUID(), LocalDate.of(2026, 3, 2)));
        assertThat(q.recordBytes()).isEqualTo(216);
        assertThat(q.dataBytes()).isCloseTo(8192.0 / 37, within(1e-9));
        assertThat(q.indexBytes()).containsExactly(new double[] {8192.0 / (8096 / 35), 8192.0 / (8096 / 38), 8192.0 / (8096 / 30),
                8192.0 / (8096 / 30), 8192.0 / (8096 / 22), 8192.0 / (8096 / 38), 8192.0 / (8096 / 46)}, within(1e-9));
        assertThat(q.records()).isEqualTo(8);
        assertThat(q.total()).isCloseTo(463.50, within(0.01));
        assertThat(q.total() * 365 / 1000).as("KB per resource-year").isCloseTo(169.18, within(0.01));
    }

    @Test
    void aNameCostsTwoBytesPerCharInTheRecordAndInItsIndex() {
        RowSizeModel model = new RowSizeModel(TableLayout.of(CAPACITY));
        Row row = capacityRow(UUID.randomUUID(), LocalDate.of(2026, 3, 2));
        Row named = row.with("sensei_name", "Ada Lovelace 2026-03-02"); // 23 chars
        RowSizeModel.RowQuota q = model.quota(named);
        // var section: count 2 + one offset 2 + 46 (sensei_name is the first nvarchar)
        assertThat(q.recordBytes()).isEqualTo(216 + 4 + 46);
        assertThat(model.explain(named)).anyMatch(l -> l.startsWith("ndx_sensei_name (sensei_name): status 1 + columns and locator 16"
                + " + null bitmap 3 + variable 50 + slot 2 = 72 B"));
    }

    @Test
    void aRowWithANullAlternateKeyColumnHasNoEntryInItsIndex() {
        RowSizeModel model = new RowSizeModel(TableLayout.of(CAPACITY));
        Row row = capacityRow(UUID.randomUUID(), LocalDate.of(2026, 3, 2)).with("sensei_date", null);
        RowSizeModel.RowQuota q = model.quota(row);
        assertThat(q.indexBytes()[6]).isZero();
        assertThat(q.records()).isEqualTo(7);
        assertThat(q.recordBytes()).as("a fixed-width null still takes its width").isEqualTo(216);
    }

    @Test
    void organizationOwnedTablesMoneyAndBitsGetTheirCompanionColumns() {
        Table t = new Table("sensei_thing", "sensei_things", "sensei_thingid", "sensei_name", Ownership.ORGANIZATION, List.of(
                col("sensei_thingid", ColumnType.UNIQUEIDENTIFIER), col("statecode", ColumnType.CHOICE),
                col("sensei_name", ColumnType.STRING), col("sensei_cost", ColumnType.MONEY),
                col("sensei_a", ColumnType.BOOLEAN), col("sensei_b", ColumnType.BOOLEAN), col("sensei_notes", ColumnType.MEMO)), List.of());
        TableLayout layout = TableLayout.of(t);
        assertThat(layout.columns()).extracting(SqlColumn::name).contains("organizationid", "sensei_cost_base", "exchangerate",
                "transactioncurrencyid").doesNotContain("owneridtype");
        assertThat(layout.indexes()).extracting(SqlIndex::keys).contains(List.of("organizationid"), List.of("statecode"));
        RowSizeModel model = new RowSizeModel(layout);
        UUID id = UUID.randomUUID();
        Row row = new Row("sensei_thing", id, Map.of("sensei_thingid", id, "statecode", 0, "sensei_a", true, "sensei_b", false));
        // fixed: id 16 + statecode 4 + cost 8 + 2 bits in 1 byte + organizationid 16 + 4 platform (20) + cost_base 8
        // + exchangerate 13 + transactioncurrencyid 16 = 102; 14 columns → bitmap 2; no nvarchar value.
        assertThat(model.quota(row).recordBytes()).isEqualTo(4 + 102 + 2 + 2 + 2);
    }

    @Test
    void longTextGoesOffRow() {
        Table t = new Table("sensei_note", "sensei_notes", "sensei_noteid", null, Ownership.ORGANIZATION, List.of(
                col("sensei_noteid", ColumnType.UNIQUEIDENTIFIER), col("sensei_text", ColumnType.MEMO)), List.of());
        RowSizeModel model = new RowSizeModel(TableLayout.of(t));
        UUID id = UUID.randomUUID();
        RowSizeModel.RowQuota small = model.quota(new Row("sensei_note", id, Map.of("sensei_text", "x".repeat(3_000))));
        RowSizeModel.RowQuota large = model.quota(new Row("sensei_note", id, Map.of("sensei_text", "x".repeat(10_000))));
        assertThat(small.offRowBytes()).isZero();
        assertThat(small.recordBytes()).isGreaterThan(6_000);
        assertThat(small.dataBytes()).as("one such record per page").isEqualTo(8192);
        assertThat(large.offRowBytes()).isEqualTo(3 * 8192); // 20,000 bytes in 8,000-byte pieces
        assertThat(large.recordBytes()).isLessThan(200);
    }

    private static Column col(String name, ColumnType type) {
        return new Column(name, type, false, type == ColumnType.STRING ? 100 : 0, List.of(), List.of(), false, true);
    }
}
