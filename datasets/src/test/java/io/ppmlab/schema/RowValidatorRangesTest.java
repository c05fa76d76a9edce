package io.ppmlab.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator that checks generated and demo rows applies Dataverse's ranges and precisions ({@link ValueRanges}). */
class RowValidatorRangesTest {
    private static final Schema SCHEMA = SchemaLoader.loadDefault();
    private static final RowValidator VALIDATOR = new RowValidator(SCHEMA);

    private static List<String> problemsOf(String column, Object value) {
        Row row = new Row("sensei_project", UUID.randomUUID(), Map.of(column, value));
        return VALIDATOR.problems(row).stream().filter(p -> p.contains("." + column + ":")).toList();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "sensei_budget, 922337203685477.0001, outside the valid range",
            "sensei_budget, -922337203685478,     outside the valid range",
            "sensei_budget, 1e999,                outside the valid range",
            "sensei_budget, 12.34567,             more than 4 decimal places",
            "sensei_effort, 100000000000.5,       outside the valid range",
            "sensei_effort, 1.12345678901,        more than 10 decimal places",
            "sensei_effort, 1e-30,                more than 10 decimal places",
    })
    void decimalsOutsideTheRangeOrPrecisionAreProblems(String column, String value, String problem) {
        assertThat(problemsOf(column, new BigDecimal(value))).singleElement().asString().contains(problem);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "sensei_budget, 922337203685477",
            "sensei_budget, -922337203685477.0000",
            "sensei_budget, 12.3456",
            "sensei_effort, -100000000000",
            "sensei_effort, 1.1234567890",
    })
    void decimalsAtTheEdgesAreFine(String column, String value) {
        assertThat(problemsOf(column, new BigDecimal(value))).isEmpty();
    }

    @Test
    void datesOutside1753To9999AreProblems() {
        assertThat(problemsOf("sensei_projectstart", LocalDate.of(1752, 12, 31))).singleElement().asString().contains("1753-01-01 to 9999-12-31");
        assertThat(problemsOf("sensei_projectfinish", LocalDate.of(10_000, 1, 1))).singleElement().asString().contains("outside the valid range");
        assertThat(problemsOf("createdon", Instant.parse("1700-06-01T00:00:00Z"))).singleElement().asString().contains("outside the valid range");
        assertThat(problemsOf("sensei_projectstart", LocalDate.of(1753, 1, 1))).isEmpty();
        assertThat(problemsOf("createdon", Instant.parse("9999-12-31T23:59:59Z"))).isEmpty();
    }
}
