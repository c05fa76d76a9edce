package io.ppmlab.emulator.resourcing;

import io.ppmlab.schema.Row;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Capacity from calendars over the horizon, on a memory store and a lab clock standing still at 10 March 2025. */
class CapacityServiceTest {
    static final LocalDate TODAY = LocalDate.of(2025, 3, 10); // a Monday

    @Test
    void oneRowPerDayOverTheDefaultHorizonFromTheCalendarWithItsHolidayAndTheResourcesVacation() {
        ResourcingFixture f = new ResourcingFixture(TODAY);
        UUID ann = f.resource("Ann");
        UUID bob = f.resource("Bob");
        f.exception(null, LocalDate.of(2025, 4, 18), LocalDate.of(2025, 4, 18));      // Good Friday, everyone
        f.exception(ann, LocalDate.of(2025, 3, 12), LocalDate.of(2025, 3, 14));       // Ann's vacation
        CapacityService.Round round = f.service().catchUp();

        assertThat(round.window()).isEqualTo(new CapacityHorizon.Window(LocalDate.of(2024, 3, 10), LocalDate.of(2028, 3, 10)));
        assertThat(f.capacityRows(ann)).isEqualTo(round.window().days()).isEqualTo(1461);
        assertThat(round.written()).isEqualTo(2 * 1461);
        assertThat(f.capacity(ann, TODAY)).isEqualByComparingTo("8");
        assertThat(f.capacity(ann, LocalDate.of(2025, 3, 15))).isEqualByComparingTo("0");      // Saturday
        assertThat(f.capacity(ann, LocalDate.of(2025, 3, 12))).isEqualByComparingTo("0");      // vacation
        assertThat(f.capacity(bob, LocalDate.of(2025, 3, 12))).isEqualByComparingTo("8");      // not Bob's
        assertThat(f.capacity(bob, LocalDate.of(2025, 4, 18))).isEqualByComparingTo("0");      // holiday
        assertThat(f.capacity(ann, LocalDate.of(2024, 3, 9))).isNull();                        // before the horizon
        assertThat(f.capacity(ann, LocalDate.of(2028, 3, 10))).isNull();                       // after it
        Row row = f.row(CapacityService.TABLE, CapacityService.rowId("Ann", TODAY));
        assertThat(row.ref("ownerid").id()).isEqualTo(f.team);                                 // read like the resource
        assertThat(row.ref("owningbusinessunit").id()).isEqualTo(f.unit);
        assertThat(row.get("versionnumber")).isNotNull();
    }

    @Test
    void aCalendarChangeRecomputesOnlyTheRowsThatChange() {
        ResourcingFixture f = new ResourcingFixture(TODAY);
        UUID ann = f.resource("Ann");
        CapacityService service = f.service();
        service.catchUp();
        assertThat(service.catchUp().idle()).as("nothing changed").isTrue();

        f.exception(ann, LocalDate.of(2025, 7, 7), LocalDate.of(2025, 7, 11));        // a week off: 5 working days
        CapacityService.Round round = service.catchUp();
        assertThat(round.recomputed()).isEqualTo(1);
        assertThat(round.written()).isEqualTo(5);
        assertThat(f.capacity(ann, LocalDate.of(2025, 7, 8))).isEqualByComparingTo("0");

        Row cal = f.row("sensei_enterprisecalendar", f.calendar);
        f.store.put(cal.with(Map.of("sensei_fridayhours", BigDecimal.valueOf(4))));    // short Fridays
        round = service.catchUp();
        assertThat(f.capacity(ann, LocalDate.of(2025, 3, 14))).isEqualByComparingTo("4");
        assertThat(f.capacity(ann, LocalDate.of(2025, 7, 11))).isEqualByComparingTo("0"); // the vacation still wins
        long fridays = round.window().start().datesUntil(round.window().end()).filter(d -> d.getDayOfWeek() == java.time.DayOfWeek.FRIDAY).count();
        assertThat(round.written()).isEqualTo(fridays - 1);                                // every Friday but the one on vacation
    }

    @Test
    void theHorizonRollsForwardWithTheClock() {
        ResourcingFixture f = new ResourcingFixture(TODAY);
        UUID ann = f.resource("Ann");
        CapacityService service = f.service();
        service.catchUp();
        f.clock.advance(Duration.ofDays(30));
        CapacityService.Round round = service.catchUp();
        assertThat(round.rolled()).isEqualTo(1);
        assertThat(round.written()).isEqualTo(30);
        assertThat(round.deleted()).isEqualTo(30);
        assertThat(f.capacityRows(ann)).isEqualTo(1461);
        assertThat(f.capacity(ann, LocalDate.of(2024, 3, 10))).isNull();
        assertThat(f.capacity(ann, LocalDate.of(2028, 4, 7))).isEqualByComparingTo("8");   // a Friday, new at the end
        assertThat(f.capacity(ann, LocalDate.of(2028, 4, 8))).isEqualByComparingTo("0");   // a Saturday, the last day
        assertThat(f.capacity(ann, LocalDate.of(2028, 4, 9))).isNull();
    }

    @Test
    void theHorizonSettingWidensAndNarrowsTheWindow() {
        ResourcingFixture f = new ResourcingFixture(TODAY);
        UUID ann = f.resource("Ann");
        CapacityService service = f.service();
        service.catchUp();
        f.put(ResourcingSettings.TABLE, ResourcingSettings.rowId(ResourcingSettings.HORIZON_KEY),
                Map.of("sensei_name", ResourcingSettings.HORIZON_KEY, "sensei_value", "{\"yearsBehind\":1,\"yearsAhead\":10}"));
        service.catchUp();
        assertThat(f.capacityRows(ann)).isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2024, 3, 10), LocalDate.of(2035, 3, 10)));
        f.put(ResourcingSettings.TABLE, ResourcingSettings.rowId(ResourcingSettings.HORIZON_KEY),
                Map.of("sensei_name", ResourcingSettings.HORIZON_KEY, "sensei_value", "{\"yearsBehind\":0,\"yearsAhead\":1}"));
        service.catchUp();
        assertThat(f.capacityRows(ann)).isEqualTo(365);
    }

    @Test
    void aTwelveYearHorizonTypedIntoTheSettingRowIsIgnoredWithAWarning() {
        ResourcingFixture f = new ResourcingFixture(TODAY);
        f.resource("Ann");
        f.put(ResourcingSettings.TABLE, ResourcingSettings.rowId(ResourcingSettings.HORIZON_KEY),
                Map.of("sensei_name", ResourcingSettings.HORIZON_KEY, "sensei_value", "{\"yearsBehind\":1,\"yearsAhead\":11}"));
        CapacityService.Round round = f.service().catchUp();
        assertThat(round.window().days()).isEqualTo(1461);
        assertThat(f.log).anyMatch(l -> l.contains("resourceCapacityHorizon") && l.contains("maximum of 11 years"));
    }

    @Test
    void aRenameMovesTheRowsToTheNewNameAndSharedNamesUseTheResourceId() {
        ResourcingFixture f = new ResourcingFixture(TODAY);
        UUID ann = f.resource("Ann");
        CapacityService service = f.service();
        service.catchUp();
        f.store.put(f.row("bookableresource", ann).with("name", "Anne"));
        service.catchUp();
        assertThat(f.capacityRows(ann)).isEqualTo(1461);
        assertThat(f.store.get(CapacityService.TABLE, CapacityService.rowId("Anne", TODAY))).isPresent();
        assertThat(f.store.get(CapacityService.TABLE, CapacityService.rowId("Ann", TODAY))).isEmpty();

        UUID twin = f.resource("Anne");                                                // same name: both fall back to their ids
        service.catchUp();
        assertThat(f.capacityRows(ann)).isEqualTo(1461);
        assertThat(f.capacityRows(twin)).isEqualTo(1461);
        assertThat(f.store.get(CapacityService.TABLE, CapacityService.rowId(twin.toString(), TODAY))).isPresent();
    }

    @Test
    void aResourceWithoutACalendarHasNoCapacity() {
        ResourcingFixture f = new ResourcingFixture(TODAY);
        UUID ann = f.resource("Ann");
        CapacityService service = f.service();
        service.catchUp();
        Row r = f.row("bookableresource", ann);
        f.store.put(r.with("sensei_enterprisecalendar", null));
        service.catchUp();
        assertThat(f.capacityRows(ann)).isZero();
    }

    @Test
    void windowDifferenceHasAtMostTwoParts() {
        CapacityHorizon.Window a = new CapacityHorizon.Window(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        CapacityHorizon.Window inner = new CapacityHorizon.Window(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1));
        assertThat(CapacityService.minus(a, inner)).containsExactly(
                new CapacityHorizon.Window(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1)),
                new CapacityHorizon.Window(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 12, 31)));
        assertThat(CapacityService.minus(inner, a)).isEmpty();
        assertThat(CapacityService.minus(a, null)).containsExactly(a);
    }
}
