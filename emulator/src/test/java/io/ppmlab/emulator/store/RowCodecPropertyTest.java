package io.ppmlab.emulator.store;

import io.ppmlab.schema.Column;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RowCodecPropertyTest {
    private static final Table PROJECT = TestSchema.projectTable();
    private static final RowCodec CODEC = new RowCodec(PROJECT);

    @Property(tries = 2000)
    void everyRowRoundTrips(@ForAll("rows") Row row) {
        assertThat(CODEC.decode(row.id(), CODEC.encode(row))).isEqualTo(row);
    }

    /** Decoding only some columns skips the others exactly: the wanted ones come out as a full decode has them. */
    @Property(tries = 1000)
    void aPartialDecodeHoldsExactlyTheWantedColumns(@ForAll("rows") Row row, @ForAll long seed) {
        java.util.Random rng = new java.util.Random(seed);
        java.util.Set<String> wanted = new java.util.HashSet<>();
        for (Column c : PROJECT.columns()) if (rng.nextBoolean()) wanted.add(c.name());
        Row partial = CODEC.decode(row.id(), CODEC.encode(row), CODEC.ordinals(wanted));
        Map<String, Object> expected = new HashMap<>(row.values());
        expected.keySet().retainAll(wanted);
        assertThat(partial.values()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Row> rows() {
        List<Arbitrary<Object>> columns = PROJECT.columns().stream().map(RowCodecPropertyTest::valueOrAbsent).toList();
        return Combinators.combine(uuids(), Combinators.combine(columns).as(values -> values))
                .as((id, values) -> {
                    Map<String, Object> byName = new HashMap<>();
                    for (int i = 0; i < values.size(); i++) byName.put(PROJECT.columns().get(i).name(), values.get(i));
                    return new Row(PROJECT.logicalName(), id, byName);
                });
    }

    /** A value of the column's type, or null (an absent column) a third of the time. */
    private static Arbitrary<Object> valueOrAbsent(Column c) {
        Arbitrary<?> values = switch (c.type()) {
            case STRING, MEMO -> Arbitraries.strings().all().ofMaxLength(300);
            case INT, CHOICE -> Arbitraries.integers();
            case BIGINT -> Arbitraries.longs();
            case DECIMAL, MONEY -> Combinators.combine(
                    Arbitraries.bigIntegers().between(BigInteger.TWO.pow(130).negate(), BigInteger.TWO.pow(130)),
                    Arbitraries.integers().between(-40, 40)).as(BigDecimal::new);
            case DATETIME -> Arbitraries.longs().map(Instant::ofEpochMilli);
            case DATEONLY -> Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()).map(LocalDate::ofEpochDay);
            case BOOLEAN -> Arbitraries.of(true, false);
            case LOOKUP -> Combinators.combine(Arbitraries.of(c.targets()), uuids()).as(EntityRef::new);
            case UNIQUEIDENTIFIER -> uuids();
        };
        return values.map(v -> (Object) v).injectNull(0.33);
    }

    private static Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }
}
