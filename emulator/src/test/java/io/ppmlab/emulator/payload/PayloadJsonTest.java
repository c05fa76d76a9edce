package io.ppmlab.emulator.payload;

import io.ppmlab.emulator.errors.DataverseException;
import io.ppmlab.schema.SchemaLoader;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Numbers whose exponent does not fit an {@code int}: Jackson's decimal parser throws a NumberFormatException
 * for them (found by {@code RowReaderFuzzTest}), which escaped the row reader as a 500. They are malformed
 * payloads, 400 {@code 0x80048d19}, in any column and in positions no column reads.
 */
class PayloadJsonTest {
    private static final Schema SCHEMA = SchemaLoader.loadDefault();
    private static final Table PROJECT = SCHEMA.table("sensei_project").orElseThrow();

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"sensei_effortremaining\":-1e88888888888888888888888888888888888888888888888888888888888888888888882}",
            "{\"sensei_budget\":1e2147483648}",
            "{\"sensei_name\":\"x\",\"@odata.type\":1.5e-99999999999}",
            "{\"sensei_priority\":1E+9999999999}"})
    void exponentsBeyondAnIntAreMalformedPayloads(String body) {
        assertThatThrownBy(() -> new RowReader(SCHEMA).read(PROJECT, body.getBytes(StandardCharsets.UTF_8), id -> Optional.empty()))
                .isInstanceOfSatisfying(DataverseException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(400);
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("0x80048d19");
                });
    }
}
