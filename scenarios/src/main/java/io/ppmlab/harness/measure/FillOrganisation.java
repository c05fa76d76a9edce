package io.ppmlab.harness.measure;

import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The smallest organisation a capacity fill needs: a unit, a team and a user; one weekday calendar (8 h) with ten
 * holidays a year; the resources on it, each with three one-week vacations per horizon year (seeded, so every run
 * fills the same rows).
 */
final class FillOrganisation {
    private static final List<MonthDay> HOLIDAYS = List.of(MonthDay.of(1, 1), MonthDay.of(1, 26), MonthDay.of(4, 25), MonthDay.of(5, 1),
            MonthDay.of(6, 9), MonthDay.of(8, 15), MonthDay.of(10, 3), MonthDay.of(11, 11), MonthDay.of(12, 25), MonthDay.of(12, 26));

    private final UUID unit = UUID.randomUUID();
    private final UUID team = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();
    private final UUID calendar = UUID.randomUUID();
    private int exceptions;

    /** Writes the organisation in one apply; returns the number of calendar exceptions (holidays and vacations) written. */
    int writeTo(Store store, LocalDate today, int years, int resources) {
        List<Mutation> m = new ArrayList<>();
        m.add(put("businessunit", unit, Map.of("name", "Unit")));
        m.add(put("team", team, Map.of("name", "Unit", "businessunitid", ref("businessunit", unit), "teamtype", 0)));
        m.add(put("systemuser", user, Map.of("domainname", "fill@contoso.test", "businessunitid", ref("businessunit", unit))));
        Map<String, Object> cal = new LinkedHashMap<>();
        cal.put("sensei_name", "Standard");
        for (String d : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) cal.put("sensei_" + d + "hours", BigDecimal.valueOf(8));
        cal.put("sensei_saturdayhours", BigDecimal.ZERO);
        cal.put("sensei_sundayhours", BigDecimal.ZERO);
        m.add(put("sensei_enterprisecalendar", calendar, cal));
        for (int y = today.getYear() - 1; y <= today.getYear() + years; y++) {
            for (MonthDay h : HOLIDAYS) m.add(exception(null, h.atYear(y), h.atYear(y)));
        }
        Random rng = new Random(42);
        for (int i = 0; i < resources; i++) {
            UUID id = UUID.nameUUIDFromBytes(("fill resource " + i).getBytes(StandardCharsets.UTF_8));
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", "Resource " + i);
            v.put("resourcetype", 1);
            v.put("sensei_enterprisecalendar", ref("sensei_enterprisecalendar", calendar));
            v.put("ownerid", ref("team", team));
            v.put("owningteam", ref("team", team));
            v.put("owningbusinessunit", ref("businessunit", unit));
            v.put("createdby", ref("systemuser", user));
            m.add(put("bookableresource", id, v));
            for (int k = 0; k < 3 * years; k++) {
                LocalDate start = today.minusYears(1).plusDays(rng.nextInt(365 * years)).with(DayOfWeek.MONDAY);
                m.add(exception(id, start, start.plusDays(4)));
            }
        }
        store.apply(m);
        return exceptions;
    }

    private Mutation exception(UUID resource, LocalDate from, LocalDate to) {
        exceptions++;
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sensei_name", resource == null ? "Holiday" : "Vacation");
        if (resource == null) v.put("sensei_enterprisecalendar", ref("sensei_enterprisecalendar", calendar));
        else v.put("sensei_bookableresource", ref("bookableresource", resource));
        v.put("sensei_startdate", from);
        v.put("sensei_enddate", to);
        v.put("sensei_hours", BigDecimal.ZERO);
        v.put("ownerid", ref("team", team));
        v.put("owningbusinessunit", ref("businessunit", unit));
        return put("sensei_calendarexception", UUID.randomUUID(), v);
    }

    private static Mutation put(String table, UUID id, Map<String, Object> values) { return new Mutation.Put(new Row(table, id, values)); }

    private static EntityRef ref(String table, UUID id) { return new EntityRef(table, id); }
}
