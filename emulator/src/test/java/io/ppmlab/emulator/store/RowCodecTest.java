package io.ppmlab.emulator.store;

import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RowCodecTest {
    private static final Table PROJECT = TestSchema.projectTable();
    private static final RowCodec CODEC = new RowCodec(PROJECT);
    private static final UUID ID = UUID.fromString("6f1c2b1e-2a39-4c1f-9d1e-9a3c0f7b4d11");

    static Stream<Arguments> valuesOfEveryType() {
        UUID u = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
        return Stream.of(
                arguments("sensei_name", ""),
                arguments("sensei_name", "plain ascii"),
                arguments("sensei_name", "Zürich – 東京 – 🚀👩‍💻 – \u0000 nul"),
                arguments("sensei_name", "lone high \uD800 and low \uDC00 surrogates"),
                arguments("sensei_name", "\uDBFF"),
                arguments("sensei_description", "x".repeat(100_000)),
                arguments("sensei_description", "é".repeat(70_000)),
                arguments("sensei_priority", 0),
                arguments("sensei_priority", -1),
                arguments("sensei_priority", Integer.MIN_VALUE),
                arguments("sensei_priority", Integer.MAX_VALUE),
                arguments("statuscode", 100_000_001),
                arguments("sensei_effort", Long.MIN_VALUE),
                arguments("sensei_effort", Long.MAX_VALUE),
                arguments("sensei_effort", 0L),
                arguments("sensei_progress", new BigDecimal("0")),
                arguments("sensei_progress", new BigDecimal("0.00")),
                arguments("sensei_progress", new BigDecimal("-12.3456789012")),
                arguments("sensei_progress", new BigDecimal("1E+20")),
                arguments("sensei_progress", new BigDecimal(BigInteger.valueOf(Long.MIN_VALUE), 3)),
                arguments("sensei_progress", new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), 3)),
                arguments("sensei_progress", new BigDecimal(BigInteger.TWO.pow(300).negate(), Integer.MIN_VALUE)),
                arguments("sensei_budget", new BigDecimal("922337203685477.5807")),
                arguments("sensei_budget", new BigDecimal("1").scaleByPowerOfTen(Integer.MAX_VALUE)),
                arguments("createdon", Instant.EPOCH),
                arguments("createdon", Instant.parse("1753-01-01T00:00:00Z")),
                arguments("createdon", Instant.parse("9999-12-31T23:59:59.999Z")),
                arguments("createdon", Instant.ofEpochMilli(Long.MIN_VALUE)),
                arguments("createdon", Instant.ofEpochMilli(Long.MAX_VALUE)),
                arguments("createdon", Instant.ofEpochMilli(-1)),
                arguments("sensei_start", LocalDate.MIN),
                arguments("sensei_start", LocalDate.MAX),
                arguments("sensei_start", LocalDate.of(1970, 1, 1)),
                arguments("sensei_start", LocalDate.of(1969, 12, 31)),
                arguments("sensei_active", true),
                arguments("sensei_active", false),
                arguments("ownerid", new EntityRef(TestSchema.USER, u)),
                arguments("ownerid", new EntityRef(TestSchema.TEAM, new UUID(0, 0))),
                arguments("sensei_programid", new EntityRef(TestSchema.PROGRAM, new UUID(-1, -1))),
                arguments("sensei_projectid", u),
                arguments("sensei_projectid", new UUID(Long.MIN_VALUE, Long.MAX_VALUE)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("valuesOfEveryType")
    void roundTripsOneValueOfEachType(String column, Object value) {
        Row row = new Row(PROJECT.logicalName(), ID, Map.of(column, value));
        assertThat(roundTrip(row)).isEqualTo(row);
    }

    @Test
    void everyColumnTypeIsCovered() {
        List<ColumnType> covered = valuesOfEveryType()
                .map(a -> PROJECT.column((String) a.get()[0]).orElseThrow().type()).distinct().toList();
        assertThat(covered).containsExactlyInAnyOrder(ColumnType.values());
    }

    @Test
    void roundTripsFullRowsAndKeepsScale() {
        for (int n = 0; n < 100; n++) {
            Row row = TestRows.project(n);
            Row back = roundTrip(row);
            assertThat(back).isEqualTo(row);
            assertThat(((BigDecimal) back.get("sensei_budget")).scale()).isEqualTo(4);
        }
    }

    @Test
    void absentColumnsStayAbsent() {
        Row empty = new Row(PROJECT.logicalName(), ID, Map.of());
        assertThat(roundTrip(empty)).isEqualTo(empty);
        assertThat(CODEC.encode(empty)).hasSize(2);

        Map<String, Object> sparse = new HashMap<>();
        sparse.put("sensei_name", "only the name");
        sparse.put("sensei_description", null); // Row drops nulls: a null is an absent column
        sparse.put("sensei_programid", new EntityRef(TestSchema.PROGRAM, ID));
        Row back = roundTrip(new Row(PROJECT.logicalName(), ID, sparse));
        assertThat(back.values()).containsOnlyKeys("sensei_name", "sensei_programid");
    }

    @Test
    void decodesInColumnOrderWhateverTheInsertionOrder() {
        Map<String, Object> reversed = new java.util.LinkedHashMap<>();
        List<Map.Entry<String, Object>> entries = new ArrayList<>(TestRows.project(7).values().entrySet());
        java.util.Collections.reverse(entries);
        entries.forEach(e -> reversed.put(e.getKey(), e.getValue()));
        Row back = roundTrip(new Row(PROJECT.logicalName(), ID, reversed));
        assertThat(List.copyOf(back.values().keySet()))
                .isEqualTo(PROJECT.columns().stream().map(c -> c.name()).toList());
    }

    @Test
    void truncatesInstantsToTheMillisecond() {
        Instant micro = Instant.parse("2024-05-06T07:08:09.123456789Z");
        Row back = roundTrip(new Row(PROJECT.logicalName(), ID, Map.of("createdon", micro)));
        assertThat(back.get("createdon")).isEqualTo(Instant.parse("2024-05-06T07:08:09.123Z"));
        Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59.999999Z");
        assertThat(roundTrip(new Row(PROJECT.logicalName(), ID, Map.of("createdon", beforeEpoch))).get("createdon"))
                .isEqualTo(Instant.parse("1969-12-31T23:59:59.999Z"));
    }

    @Test
    void refusesWhatTheTableCannotHold() {
        assertThatThrownBy(() -> CODEC.encode(new Row(PROJECT.logicalName(), ID, Map.of("nosuchcolumn", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nosuchcolumn");
        assertThatThrownBy(() -> CODEC.encode(new Row(PROJECT.logicalName(), ID, Map.of("sensei_priority", 1L))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sensei_priority");
        assertThatThrownBy(() -> CODEC.encode(new Row(PROJECT.logicalName(), ID, Map.of("sensei_name", 5))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CODEC.encode(new Row(PROJECT.logicalName(), ID,
                Map.of("sensei_programid", new EntityRef(TestSchema.USER, ID)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("systemuser");
        assertThatThrownBy(() -> CODEC.encode(new Row(TestSchema.PROGRAM, ID, Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CODEC.encode(new Row(PROJECT.logicalName(), ID, Map.of("createdon", Instant.MAX))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsWrittenBeforeAColumnWasAppendedStillDecode() {
        Table older = TestSchema.table(PROJECT.logicalName(), PROJECT.columns().subList(0, 5));
        Row row = new Row(PROJECT.logicalName(), ID, Map.of("sensei_name", "old", "sensei_effort", 42L));
        assertThat(CODEC.decode(ID, new RowCodec(older).encode(row))).isEqualTo(row);
    }

    @Test
    void rejectsMalformedBytes() {
        byte[] good = CODEC.encode(TestRows.project(1));
        assertThatThrownBy(() -> CODEC.decode(ID, Arrays.copyOf(good, good.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> CODEC.decode(ID, trailing)).isInstanceOf(IllegalArgumentException.class);
        byte[] version = good.clone();
        version[0] = 9;
        assertThatThrownBy(() -> CODEC.decode(ID, version)).hasMessageContaining("version");
        assertThatThrownBy(() -> CODEC.decode(ID, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        // A row from a newer schema (more columns than this table has) is refused, not misread.
        Table newer = TestSchema.table(PROJECT.logicalName(), appended(PROJECT, "sensei_extra"));
        byte[] fromNewer = new RowCodec(newer).encode(new Row(PROJECT.logicalName(), ID, Map.of("sensei_extra", "x")));
        assertThatThrownBy(() -> CODEC.decode(ID, fromNewer)).hasMessageContaining("columns");
    }

    @Test
    void aTypicalRowIsSmall() {
        // 12 populated columns plus the id column: UUIDs and lookups dominate (3 × 16 bytes).
        assertThat(CODEC.encode(TestRows.project(3)).length).isLessThan(220);
    }

    private static Row roundTrip(Row row) { return CODEC.decode(row.id(), CODEC.encode(row)); }

    private static List<io.ppmlab.schema.Column> appended(Table t, String name) {
        List<io.ppmlab.schema.Column> cols = new ArrayList<>(t.columns());
        cols.add(TestSchema.column(name, ColumnType.STRING));
        return cols;
    }
}
