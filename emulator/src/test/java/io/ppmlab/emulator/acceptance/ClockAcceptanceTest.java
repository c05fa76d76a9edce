package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.emulator.clock.ClockSettings;
import io.ppmlab.emulator.server.PlatformConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET/POST /lab/clock} on a simulated clock started at 2030-01-01: admin only, forward only, followed by what is time-based. */
class ClockAcceptanceTest {
    static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator(c -> c.withPlatform(PlatformConfig.DEFAULT
            .withClock(new ClockSettings(true, Optional.of(START)))));

    @Test
    void aSimulatedClockStartsAtItsInstantAndAdminsMoveItForward() {
        LabHttp http = lab.http();
        String admin = lab.adminToken();
        LabHttp.Reply clock = http.get(admin, http.root() + "/lab/clock");
        assertThat(clock.status()).as(clock.body()).isEqualTo(200);
        JsonNode now = clock.json();
        assertThat(now.path("mode").asText()).isEqualTo("simulated");
        assertThat(now.path("serviceProtectionClock").asText()).isEqualTo("real");
        Instant read = Instant.parse(now.path("now").asText());
        assertThat(Duration.between(START, read)).isBetween(Duration.ZERO, Duration.ofMinutes(10));

        LabHttp.Reply advance = http.post(admin, http.root() + "/lab/clock", "{\"advance\":\"P30D\"}");
        assertThat(advance.status()).as(advance.body()).isEqualTo(200);
        JsonNode advanced = advance.json();
        assertThat(Duration.between(read, Instant.parse(advanced.path("now").asText()))).isBetween(Duration.ofDays(30), Duration.ofDays(30).plusMinutes(10));

        // tokens follow the lab clock: the one issued before the jump has expired
        assertThat(http.get(admin, http.root() + "/lab/clock").status()).isEqualTo(401);
        admin = lab.adminToken();
        JsonNode set = http.post(admin, http.root() + "/lab/clock", "{\"set\":\"2031-06-01T00:00:00Z\"}").json();
        admin = lab.adminToken();
        assertThat(Instant.parse(set.path("now").asText())).isBetween(Instant.parse("2031-06-01T00:00:00Z"), Instant.parse("2031-06-01T00:10:00Z"));

        // what is time-based follows it: a row created now carries the lab clock's date
        LabHttp.Reply created = http.post(admin, "sensei_portfolios?$select=createdon", "{\"sensei_name\":\"clocked\"}", "Prefer", "return=representation");
        assertThat(created.json().path("createdon").asText()).startsWith("2031-06-01");
    }

    @Test
    void theClockRefusesToGoBackAndBadInputAndNonAdmins() {
        LabHttp http = lab.http();
        String admin = lab.adminToken();
        LabHttp.Reply back = http.post(admin, http.root() + "/lab/clock", "{\"set\":\"2000-01-01T00:00:00Z\"}");
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.json().path("error").path("message").asText()).contains("only moves forward");
        assertThat(http.post(admin, http.root() + "/lab/clock", "{\"advance\":\"-P1D\"}").status()).isEqualTo(400);
        assertThat(http.post(admin, http.root() + "/lab/clock", "{\"advance\":\"soon\"}").status()).isEqualTo(400);
        assertThat(http.post(admin, http.root() + "/lab/clock", "{\"advance\":\"P1D\",\"set\":\"2040-01-01T00:00:00Z\"}").status()).isEqualTo(400);
        assertThat(http.post(admin, http.root() + "/lab/clock", "[1]").status()).isEqualTo(400);
        assertThat(http.post(admin, http.root() + "/lab/clock", "not json").status()).isEqualTo(400);
        String blue = http.token("blue@contoso.test", "demo");
        assertThat(http.get(blue, http.root() + "/lab/clock").status()).isEqualTo(403);
        assertThat(http.post(blue, http.root() + "/lab/clock", "{\"advance\":\"P1D\"}").status()).isEqualTo(403);
        assertThat(http.get(null, http.root() + "/lab/clock").status()).isEqualTo(401);
    }
}
