package io.ppmlab.emulator.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ppmlab.emulator.api.Envelope;
import io.ppmlab.emulator.payload.RowReader;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Table;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The JSON row reader every write goes through (single, upsert, {@code $batch} parts, bulk targets): the body's
 * UTF-8 check, then the read into column values for tables with text, choice, money, decimal, whole-number,
 * date and lookup columns. An input is a request body; {@code $1} resolves as a change set's Content-ID would.
 * Seeds: {@code RowReaderFuzzTestInputs/body}.
 */
class RowReaderFuzzTest {
    private static final List<Table> TABLES = List.of(FuzzLab.table("sensei_project"), FuzzLab.table("sensei_portfolio"),
            FuzzLab.table("sensei_resourcedemand"), FuzzLab.table("sensei_risk"));
    private static final EntityRef CREATED = new EntityRef("sensei_program", UUID.fromString("00000000-0000-0000-0000-000000000001"));

    private static final RowReader READER = new RowReader(FuzzLab.SCHEMA);

    @FuzzTest(maxDuration = "15s")
    void body(byte[] input) {
        for (Table table : TABLES) {
            HostileInput.mayOnlyRefuse(() -> {
                Envelope.requireUtf8(input);
                READER.read(table, input, id -> id.equals("$1") ? Optional.of(CREATED) : Optional.empty());
            });
        }
    }
}
