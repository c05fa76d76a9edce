package io.ppmlab.emulator.server;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class HundredthsTest {
    @ParameterizedTest
    @CsvSource({"0", "0.004", "0.005", "1", "12.3", "999.999", "1000", "1199.456", "1200000", "123456789.01", "-3.5"})
    void writesLikeDecimalFormat(double v) {
        assertThat(Hundredths.grouped(v)).isEqualTo(new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(Math.round(v * 100) / 100.0));
        assertThat(Hundredths.plain(v)).isEqualTo(String.format(Locale.ROOT, "%.2f", Math.round(v * 100) / 100.0));
    }
}
