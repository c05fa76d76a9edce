package io.ppmlab.emulator.resourcing;

import io.ppmlab.emulator.errors.DataverseException;
import io.ppmlab.emulator.errors.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapacityHorizonTest {
    @Test
    void theDefaultIsOneYearBehindAndThreeAhead() {
        CapacityHorizon.Window w = CapacityHorizon.DEFAULT.window(LocalDate.of(2025, 1, 6));
        assertThat(w.start()).isEqualTo(LocalDate.of(2024, 1, 6));
        assertThat(w.end()).isEqualTo(LocalDate.of(2028, 1, 6));
        assertThat(w.days()).isEqualTo(1461);
    }

    @Test
    void elevenYearsIsTheMaximumAndTwelveIsRefusedWithA400() {
        assertThat(new CapacityHorizon(1, 10).years()).isEqualTo(11);
        assertThatThrownBy(() -> new CapacityHorizon(1, 11)).isInstanceOfSatisfying(DataverseException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.CAPACITY_HORIZON_TOO_LONG);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains("12 years (1 behind, 11 ahead)").contains("maximum of 11 years");
        });
        assertThatThrownBy(() -> new CapacityHorizon(-1, 3)).isInstanceOf(DataverseException.class);
        assertThatThrownBy(() -> new CapacityHorizon(0, 0)).isInstanceOf(DataverseException.class);
    }
}
