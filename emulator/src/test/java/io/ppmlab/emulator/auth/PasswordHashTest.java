package io.ppmlab.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashTest {

    @Test
    void matchesOnlyThePassword() {
        PasswordHash hash = PasswordHash.of("demo".toCharArray());

        assertThat(hash.matches("demo".toCharArray())).isTrue();
        assertThat(hash.matches("Demo".toCharArray())).isFalse();
        assertThat(hash.matches("".toCharArray())).isFalse();
        assertThat(hash.matches(null)).isFalse();
    }

    @Test
    void encodedFormRoundTripsAndIsSalted() {
        PasswordHash a = PasswordHash.of("demo".toCharArray(), 1_000);
        PasswordHash b = PasswordHash.of("demo".toCharArray(), 1_000);

        assertThat(a.encoded()).startsWith("pbkdf2-sha256$1000$").isNotEqualTo(b.encoded()).doesNotContain("demo");
        assertThat(PasswordHash.parse(a.encoded()).matches("demo".toCharArray())).isTrue();
        assertThat(PasswordHash.parse(a.encoded()).encoded()).isEqualTo(a.encoded());
        assertThat(a.toString()).doesNotContain(a.encoded());
    }

    @Test
    void emptyPasswordCanBeHashed() {
        assertThat(PasswordHash.of(new char[0]).matches(new char[0])).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "demo", "pbkdf2-sha256$x$AA==$AA==", "md5$1000$AA==$AA==", "pbkdf2-sha256$0$AA==$AA==", "pbkdf2-sha256$1000$!!$AA=="})
    void parseRejectsWhatItDidNotWrite(String encoded) {
        assertThatThrownBy(() -> PasswordHash.parse(encoded)).isInstanceOf(IllegalArgumentException.class);
    }
}
