package io.ppmlab.emulator.acceptance;

import io.ppmlab.emulator.resourcing.CapacityHorizon;
import io.ppmlab.emulator.resourcing.CapacityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.UUID;

import static io.ppmlab.emulator.acceptance.ResourcingPlans.capacityRow;
import static io.ppmlab.emulator.acceptance.ResourcingPlans.resource;
import static io.ppmlab.emulator.acceptance.ResourcingPlans.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capacity horizon setting ({@code sensei_SetCapacityHorizon}): at most 11 years in all; 12 is refused with a
 * clear 400 and nothing changes; a valid horizon is stored as a configuration setting and capacity follows it.
 */
class ResourcingHorizonAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static final String SET = "sensei_SetCapacityHorizon";
    static final UUID BLUE = resource("Blue User");

    static CapacityService capacity() { return lab.emulator().services().resourcing().capacity(); }

    /** The horizon setting rows, as JSON text. */
    static String setting(String admin) {
        return lab.http().get(admin, "sensei_configurationsettings?$select=sensei_value,versionnumber&$filter=sensei_name%20eq%20'resourceCapacityHorizon'")
                .json().path("value").toString();
    }

    @Test
    void aTwelveYearHorizonIsRefusedWithA400AndNothingChanges() {
        capacity().catchUp();
        String admin = lab.adminToken();
        CapacityHorizon.Window before = capacity().window();
        String stored = setting(admin);
        LabHttp.Reply r = lab.http().post(admin, SET, "{\"YearsBehind\":1,\"YearsAhead\":11}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("0x80040265");
        assertThat(r.json().path("error").path("message").asText())
                .isEqualTo("A capacity horizon of 12 years (1 behind, 11 ahead) is longer than the maximum of 11 years. Nothing was changed.");
        assertThat(lab.http().post(admin, SET, "{\"YearsBehind\":12,\"YearsAhead\":0}").status()).isEqualTo(400);
        assertThat(lab.http().post(admin, SET, "{\"YearsBehind\":-1,\"YearsAhead\":3}").status()).isEqualTo(400);
        assertThat(lab.http().post(admin, SET, "{\"YearsBehind\":1}").status()).isEqualTo(400);
        capacity().catchUp();
        assertThat(capacity().window()).isEqualTo(before);
        assertThat(setting(admin)).isEqualTo(stored);
    }

    @Test
    void onlyAnAdministratorChangesTheHorizon() {
        LabHttp.Reply r = lab.http().post(lab.http().token("resourcemanager@contoso.test", "demo"), SET, "{\"YearsBehind\":1,\"YearsAhead\":4}");
        assertThat(r.status()).as(r.body()).isEqualTo(403);
    }

    @Test
    void elevenYearsIsAcceptedAndCapacityFollowsTheSetting() {
        String admin = lab.adminToken();
        LocalDate today = today(lab);
        try {
            LabHttp.Reply r = lab.http().post(admin, SET, "{\"YearsBehind\":1,\"YearsAhead\":10}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("StartDate").asText()).isEqualTo(today.minusYears(1).toString());
            assertThat(r.json().path("EndDate").asText()).isEqualTo(today.plusYears(10).minusDays(1).toString());
            capacity().catchUp();
            assertThat(capacity().window().days()).isEqualTo((int) java.time.temporal.ChronoUnit.DAYS.between(today.minusYears(1), today.plusYears(10)));
            assertThat(capacityRow(lab.http(), admin, BLUE, today.plusYears(10).minusDays(1))).isNotNull();
            assertThat(setting(admin)).contains("{\\\"yearsBehind\\\":1,\\\"yearsAhead\\\":10}");
        } finally {
            assertThat(lab.http().post(admin, SET, "{\"YearsBehind\":1,\"YearsAhead\":3}").status()).isEqualTo(200);
            capacity().catchUp();
        }
        assertThat(capacityRow(lab.http(), admin, BLUE, today.plusYears(10).minusDays(1))).isNull();
        assertThat(capacityRow(lab.http(), admin, BLUE, today.plusYears(3).minusDays(1))).isNotNull();
    }
}
