package io.ppmlab.emulator.acceptance;

import io.ppmlab.emulator.resourcing.CapacityHorizon;
import io.ppmlab.emulator.resourcing.CapacityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import java.util.function.Supplier;

import static io.ppmlab.emulator.acceptance.ResourcingPlans.CALENDAR;
import static io.ppmlab.emulator.acceptance.ResourcingPlans.hours;
import static io.ppmlab.emulator.acceptance.ResourcingPlans.resource;
import static io.ppmlab.emulator.acceptance.ResourcingPlans.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capacity from the demo's calendar ("Contoso Standard", Monday to Friday, 8 hours) over the default horizon
 * (1 year behind, 3 ahead of the emulator clock), kept by the emulator: exceptions zero their days, a calendar
 * change is picked up without being asked, and the horizon rolls forward when the clock moves.
 */
class ResourcingCapacityAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    static final UUID BLUE = resource("Blue User");
    static final UUID GREEN = resource("Green User");

    static CapacityService capacity() { return lab.emulator().services().resourcing().capacity(); }

    static LocalDate monday(int weeksAhead) {
        return today(lab).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(weeksAhead);
    }

    /** Polls (the capacity service runs in the background every second) until {@code check} holds, at most 30 s. */
    static void eventually(String what, Supplier<Boolean> check) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!check.get()) {
            if (System.nanoTime() > until) throw new AssertionError("not within 30 s: " + what);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void capacityComesFromTheCalendarWithItsHolidaysAndEachResourcesVacations() {
        String admin = lab.adminToken();
        LocalDate holiday = monday(3);
        LocalDate vacation = monday(5); // Monday to Wednesday (no Friday: another test changes Fridays)
        LabHttp.Reply h = lab.http().post(admin, "sensei_calendarexceptions", "{\"sensei_name\":\"Lab holiday\",\"sensei_enterprisecalendar@odata.bind\":"
                + "\"/sensei_enterprisecalendars(" + CALENDAR + ")\",\"sensei_startdate\":\"" + holiday + "\",\"sensei_enddate\":\"" + holiday
                + "\",\"sensei_hours\":0,\"sensei_exceptiontype\":955000000}");
        assertThat(h.status()).as(h.body()).isEqualTo(204);
        LabHttp.Reply v = lab.http().post(admin, "sensei_calendarexceptions", "{\"sensei_name\":\"Green - vacation\",\"sensei_bookableresource@odata.bind\":"
                + "\"/bookableresources(" + GREEN + ")\",\"sensei_startdate\":\"" + vacation + "\",\"sensei_enddate\":\"" + vacation.plusDays(2)
                + "\",\"sensei_hours\":0,\"sensei_exceptiontype\":955000001}");
        assertThat(v.status()).as(v.body()).isEqualTo(204);
        capacity().catchUp();

        String rm = lab.http().token("resourcemanager@contoso.test", "demo");
        assertThat(hours(lab.http(), rm, BLUE, holiday)).isEqualTo(0.0);                     // holiday on the calendar: everyone
        assertThat(hours(lab.http(), rm, GREEN, holiday)).isEqualTo(0.0);
        assertThat(hours(lab.http(), rm, BLUE, holiday.plusDays(1))).isEqualTo(8.0);
        assertThat(hours(lab.http(), rm, GREEN, vacation)).isEqualTo(0.0);                    // Green's vacation
        assertThat(hours(lab.http(), rm, GREEN, vacation.plusDays(2))).isEqualTo(0.0);
        assertThat(hours(lab.http(), rm, GREEN, vacation.plusDays(3))).isEqualTo(8.0);        // back on Thursday
        assertThat(hours(lab.http(), rm, BLUE, vacation)).isEqualTo(8.0);                     // only Green's
        assertThat(hours(lab.http(), rm, BLUE, holiday.minusDays(1))).isEqualTo(0.0);         // a Sunday

        CapacityHorizon.Window w = capacity().window();
        assertThat(w.start()).isEqualTo(today(lab).minusYears(1));
        assertThat(w.end()).isEqualTo(today(lab).plusYears(3));
        LabHttp.Reply count = lab.http().get(rm, "sensei_resourcecapacities/$count?$filter=_sensei_bookableresource_value%20eq%20" + BLUE
                + "%20and%20sensei_date%20ge%20" + w.start() + "%20and%20sensei_date%20lt%20" + w.end());
        assertThat(count.body()).isEqualTo(Integer.toString(w.days()));
    }

    @Test
    void aCalendarChangeIsPickedUpWithoutBeingAsked() {
        capacity().catchUp();
        String admin = lab.adminToken();
        LocalDate friday = monday(2).plusDays(4);
        assertThat(hours(lab.http(), admin, BLUE, friday)).isEqualTo(8.0);
        LabHttp.Reply r = lab.http().patch(admin, "sensei_enterprisecalendars(" + CALENDAR + ")", "{\"sensei_fridayhours\":6}");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        eventually("Friday capacity follows the calendar", () -> Double.valueOf(6.0).equals(hours(lab.http(), admin, BLUE, friday)));
        assertThat(hours(lab.http(), admin, GREEN, friday.plusWeeks(30))).isEqualTo(6.0);
        assertThat(hours(lab.http(), admin, GREEN, friday.minusDays(1))).isEqualTo(8.0);
    }

    @Test
    void theHorizonRollsForwardWhenTheEmulatorClockMoves() {
        capacity().catchUp();
        CapacityHorizon.Window before = capacity().window();
        String admin = lab.adminToken();
        assertThat(ResourcingPlans.capacityRow(lab.http(), admin, BLUE, before.start())).isNotNull();
        assertThat(ResourcingPlans.capacityRow(lab.http(), admin, BLUE, before.end())).isNull();

        lab.emulator().clock().advance(Duration.ofDays(10));
        String later = lab.adminToken(); // the old token expired with the clock
        eventually("the window moves ten days", () -> capacity().window().start().equals(before.start().plusDays(10)));
        assertThat(ResourcingPlans.capacityRow(lab.http(), later, BLUE, before.start())).isNull();
        assertThat(ResourcingPlans.capacityRow(lab.http(), later, BLUE, before.start().plusDays(9))).isNull();
        assertThat(ResourcingPlans.capacityRow(lab.http(), later, BLUE, before.start().plusDays(10))).isNotNull();
        assertThat(ResourcingPlans.capacityRow(lab.http(), later, BLUE, before.end().plusDays(9))).isNotNull();
        assertThat(ResourcingPlans.capacityRow(lab.http(), later, BLUE, before.end().plusDays(10))).isNull();
    }
}
