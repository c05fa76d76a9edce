package io.ppmlab.emulator.resourcing;

import io.ppmlab.emulator.clock.LabClock;
import io.ppmlab.emulator.operations.VersionSequence;
import io.ppmlab.emulator.store.MemoryStore;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tiny organisation in a memory store: one unit, its team and user, a Monday–Friday calendar, resources. */
final class ResourcingFixture {
    static final Schema SCHEMA = SchemaLoader.loadDefault();
    final MemoryStore memory = new MemoryStore(SCHEMA);
    final CalendarWatch store = new CalendarWatch(memory);
    final LabClock clock;
    final List<String> log = new ArrayList<>();
    final UUID unit = UUID.randomUUID();
    final UUID team = UUID.randomUUID();
    final UUID user = UUID.randomUUID();
    final UUID calendar = UUID.randomUUID();

    ResourcingFixture(LocalDate today) {
        clock = new LabClock(Clock.fixed(today.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        put("businessunit", unit, Map.of("name", "Unit"));
        put("team", team, Map.of("name", "Unit team", "businessunitid", ref("businessunit", unit), "teamtype", 0));
        put("systemuser", user, Map.of("domainname", "someone@contoso.test", "businessunitid", ref("businessunit", unit)));
        Map<String, Object> cal = new LinkedHashMap<>();
        cal.put("sensei_name", "Standard");
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) cal.put("sensei_" + day + "hours", BigDecimal.valueOf(8));
        cal.put("sensei_saturdayhours", BigDecimal.ZERO);
        cal.put("sensei_sundayhours", BigDecimal.ZERO);
        put("sensei_enterprisecalendar", calendar, cal);
    }

    CapacityService service() {
        return new CapacityService(new CapacityService.Wiring(SCHEMA, store, store, VersionSequence.inMemory(), clock,
                new ResourcingSettings(store, log::add), null, log::add));
    }

    UUID resource(String name) {
        UUID id = UUID.randomUUID();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("resourcetype", 1);
        v.put("sensei_enterprisecalendar", ref("sensei_enterprisecalendar", calendar));
        v.put("ownerid", ref("team", team));
        v.put("owningteam", ref("team", team));
        v.put("owningbusinessunit", ref("businessunit", unit));
        v.put("createdby", ref("systemuser", user));
        v.put("modifiedby", ref("systemuser", user));
        put("bookableresource", id, v);
        return id;
    }

    /** A holiday on the calendar ({@code resource} null) or a resource's vacation, 0 hours. */
    UUID exception(UUID resource, LocalDate from, LocalDate to) {
        UUID id = UUID.randomUUID();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sensei_name", resource == null ? "Holiday" : "Vacation");
        if (resource == null) v.put("sensei_enterprisecalendar", ref("sensei_enterprisecalendar", calendar));
        else v.put("sensei_bookableresource", ref("bookableresource", resource));
        v.put("sensei_startdate", from);
        v.put("sensei_enddate", to);
        v.put("sensei_hours", BigDecimal.ZERO);
        v.put("sensei_exceptiontype", resource == null ? 955000000 : 955000001);
        v.put("ownerid", ref("team", team));
        v.put("owningbusinessunit", ref("businessunit", unit));
        put("sensei_calendarexception", id, v);
        return id;
    }

    void put(String table, UUID id, Map<String, Object> values) { store.put(new Row(table, id, values)); }

    Row row(String table, UUID id) { return store.get(table, id).orElseThrow(); }

    /** The capacity of a resource on a day, or null without a row. */
    BigDecimal capacity(UUID resource, LocalDate day) {
        List<BigDecimal> found = new ArrayList<>();
        memory.scan(CapacityService.TABLE, r -> {
            if (r.ref("sensei_bookableresource").id().equals(resource) && r.get("sensei_date").equals(day)) found.add((BigDecimal) r.get("sensei_capacity"));
        });
        if (found.size() > 1) throw new AssertionError("two capacity rows for " + resource + " on " + day);
        return found.isEmpty() ? null : found.get(0);
    }

    long capacityRows(UUID resource) {
        long[] n = {0};
        memory.scan(CapacityService.TABLE, r -> { if (r.ref("sensei_bookableresource").id().equals(resource)) n[0]++; });
        return n[0];
    }

    static EntityRef ref(String table, UUID id) { return new EntityRef(table, id); }
}
