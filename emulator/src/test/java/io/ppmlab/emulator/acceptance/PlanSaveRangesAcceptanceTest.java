package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static io.ppmlab.emulator.acceptance.ResourcingPlans.SAVE;
import static io.ppmlab.emulator.acceptance.ResourcingPlans.project;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sensei_SaveResourcePlan} applies Dataverse's column ranges and precisions as every other write does (the
 * shared {@code ValueRanges}): dates of plan rows from 1753-01-01 to 9999-12-31, hours (a decimal column) rounded to
 * 10 decimal places. A refused save changes no row.
 */
class PlanSaveRangesAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();
    static String admin;
    static UUID resource;
    static UUID target;

    @BeforeAll
    static void oneResource() {
        admin = lab.adminToken();
        resource = ResourcingPlans.createResources(lab.http(), admin, "Range resource", 1, "IT").get(0);
        target = project("IT Project 1");
    }

    private static String body(String date, String endDate, String hours) {
        return "{\"Target\":{\"@odata.id\":\"sensei_projects(" + target + ")\"},\"Demand\":[{\"ResourceId\":\"" + resource
                + "\",\"Date\":\"" + date + "\"" + (endDate == null ? "" : ",\"EndDate\":\"" + endDate + "\"") + ",\"Hours\":" + hours + "}]}";
    }

    private static long demandRows() { return lab.emulator().services().store().count("sensei_resourcedemand"); }

    @ParameterizedTest(name = "{0} .. {1}")
    @CsvSource(nullValues = "null", value = {
            "1700-01-02, null,         sensei_date",
            "1752-12-31, 1753-01-02,   sensei_date",
            "9999-12-30, +10000-01-01, sensei_enddate",
    })
    void datesOutsideDataversesRangeAreRefusedWithTheRangeError(String date, String endDate, String column) {
        long before = demandRows();
        LabHttp.Reply r = lab.http().post(admin, SAVE, body(date, endDate, "8"));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("0x80044331");
        assertThat(r.json().path("error").path("message").asText())
                .contains("'" + column + "'", "'sensei_resourcedemand'", "outside the valid range", "1753-01-01 to 9999-12-31");
        assertThat(demandRows()).isEqualTo(before);
    }

    @Test
    void theFirstAndLastDaysOfTheRangeAreSaved() {
        assertThat(lab.http().post(admin, SAVE, body("1753-01-01", null, "8")).status()).isEqualTo(200);
        assertThat(lab.http().post(admin, SAVE, body("9999-12-31", null, "8")).status()).isEqualTo(200);
        assertThat(stored("1753-01-01").path("sensei_hours").decimalValue()).isEqualByComparingTo("8");
    }

    @ParameterizedTest(name = "{1} is stored as {2}")
    @CsvSource({
            "2031-03-03, 7.123456789012345, 7.1234567890",
            "2031-03-04, 0.00000000004999,  0",
            "2031-03-05, 1e-30,             0",
    })
    void hoursAreStoredAtTheDecimalColumnsPrecision(String day, String hours, String expected) {
        LabHttp.Reply r = lab.http().post(admin, SAVE, body(day, null, hours));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(stored(day).path("sensei_hours").decimalValue()).isEqualByComparingTo(expected);
        assertThat(stored(day).path("sensei_hours").decimalValue().scale()).isLessThanOrEqualTo(10);
    }

    private static JsonNode stored(String day) {
        LabHttp.Reply r = lab.http().get(admin, "sensei_resourcedemands?$select=sensei_hours&$filter=_sensei_bookableresource_value%20eq%20"
                + resource + "%20and%20sensei_date%20eq%20" + day);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("value")).hasSize(1);
        return r.json().path("value").get(0);
    }
}
