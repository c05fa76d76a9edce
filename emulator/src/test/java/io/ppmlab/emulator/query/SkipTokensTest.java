package io.ppmlab.emulator.query;

import io.ppmlab.emulator.odata.ODataQueryException;
import io.ppmlab.emulator.query.exec.Cursor;
import io.ppmlab.emulator.query.list.SkipTokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Skip tokens round-trip every order-key type, look like Dataverse's cookie, and are bound to query, caller and page size. */
class SkipTokensTest {
    private static final SkipTokens TOKENS = SkipTokens.random();
    private static final UUID ME = UUID.randomUUID();
    private static final SkipTokens.Binding BINDING = new SkipTokens.Binding("sensei_projects", "$select=sensei_name", ME, 50);

    @Test
    void roundTripsTheCursor() {
        UUID last = UUID.randomUUID();
        Object[] keys = {"O'Bryan|x", 7, 9L, new BigDecimal("12.50"), Instant.parse("2025-01-02T03:04:05Z"),
                LocalDate.of(2025, 5, 6), true, UUID.randomUUID(), null};
        String token = TOKENS.issue(BINDING, "sensei_projectid", 3, new Cursor(keys, last), 17);
        assertThat(token).startsWith("<cookie pagenumber=\"3\" pagingcookie=\"%3ccookie%20page%3d%222%22%20token%3d%22")
                .endsWith("\" istracking=\"False\" />");
        SkipTokens.Position p = TOKENS.read(token, BINDING);
        assertThat(p.page()).isEqualTo(3);
        assertThat(p.remaining()).isEqualTo(17);
        assertThat(p.after().id()).isEqualTo(last);
        assertThat(p.after().keys()).containsExactly(keys);
    }

    @Test
    void refusesAnyChangeOfBinding() {
        String token = TOKENS.issue(BINDING, "sensei_projectid", 2, new Cursor(new Object[0], UUID.randomUUID()), -1);
        for (SkipTokens.Binding other : new SkipTokens.Binding[] {
                new SkipTokens.Binding("sensei_risks", BINDING.options(), ME, 50),
                new SkipTokens.Binding(BINDING.path(), "$select=sensei_description", ME, 50),
                new SkipTokens.Binding(BINDING.path(), BINDING.options(), UUID.randomUUID(), 50),
                new SkipTokens.Binding(BINDING.path(), BINDING.options(), ME, 49)}) {
            assertThatThrownBy(() -> TOKENS.read(token, other)).isInstanceOf(ODataQueryException.class);
        }
        assertThatThrownBy(() -> SkipTokens.random().read(token, BINDING)).isInstanceOf(ODataQueryException.class);
        assertThatThrownBy(() -> TOKENS.read(token.replace("pagenumber=\"2\"", "pagenumber=\"9\""), BINDING)).isInstanceOf(ODataQueryException.class);
        assertThatThrownBy(() -> TOKENS.read("<cookie/>", BINDING)).isInstanceOf(ODataQueryException.class);
    }
}
