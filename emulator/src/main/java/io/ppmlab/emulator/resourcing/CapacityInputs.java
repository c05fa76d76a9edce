package io.ppmlab.emulator.resourcing;

import io.ppmlab.datasets.WorkCalendar;
import io.ppmlab.datasets.generator.CapacityCalculator;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What capacity is computed from, read in one pass over the calendar tables: for each bookable resource its
 * {@link WorkCalendar} (enterprise calendar, the calendar's active exceptions, then the resource's own, as
 * {@link CapacityCalculator#fromRows} orders them), its owner (capacity rows take it, so they are read like the
 * resource), and a fingerprint of all of it, so that only resources whose inputs changed are recomputed.
 */
final class CapacityInputs {
    static final String RESOURCES = "bookableresource";
    static final String CALENDARS = "sensei_enterprisecalendar";
    static final String EXCEPTIONS = "sensei_calendarexception";

    /**
     * One resource's inputs.
     *
     * @param prefix      the natural-key prefix of its capacity row ids ({@code <prefix>/<date>}, as the generator and
     *                    the demo write them): its name, or its id when another resource has the same name
     * @param writer      the user capacity rows are written as (who last changed the resource)
     * @param calendar    null when the resource has no calendar (then it has no capacity rows)
     * @param fingerprint changes when anything above changes
     */
    record Resource(UUID id, String prefix, EntityRef owner, UUID writer, WorkCalendar calendar, String fingerprint) {}

    private CapacityInputs() {}

    static List<Resource> load(Store store) {
        Map<UUID, Row> calendars = new HashMap<>();
        store.scan(CALENDARS, r -> calendars.put(r.id(), r));
        Map<UUID, List<Row>> byCalendar = new HashMap<>();
        Map<UUID, List<Row>> byResource = new HashMap<>();
        store.scan(EXCEPTIONS, r -> {
            if (r.get("statecode") instanceof Integer s && s != 0) return; // an inactive exception no longer applies
            EntityRef cal = r.ref("sensei_enterprisecalendar");
            EntityRef res = r.ref("sensei_bookableresource");
            if (res != null) byResource.computeIfAbsent(res.id(), k -> new ArrayList<>()).add(r);
            else if (cal != null) byCalendar.computeIfAbsent(cal.id(), k -> new ArrayList<>()).add(r);
        });
        List<Row> resources = new ArrayList<>();
        store.scan(RESOURCES, resources::add);
        Map<String, Integer> names = new HashMap<>();
        for (Row r : resources) names.merge(String.valueOf(r.get("name")), 1, Integer::sum);

        List<Resource> out = new ArrayList<>(resources.size());
        for (Row r : resources) {
            String name = (String) r.get("name");
            String prefix = name != null && names.get(name) == 1 ? name : r.id().toString();
            EntityRef calRef = r.ref("sensei_enterprisecalendar");
            Row calendar = calRef == null ? null : calendars.get(calRef.id());
            WorkCalendar cal = calendar == null ? null : CapacityCalculator.fromRows(calendar,
                    byCalendar.getOrDefault(calendar.id(), List.of()), byResource.getOrDefault(r.id(), List.of()));
            EntityRef owner = r.ref("ownerid");
            out.add(new Resource(r.id(), prefix, owner, writer(r, owner), cal, fingerprint(prefix, owner, cal)));
        }
        return out;
    }

    private static UUID writer(Row resource, EntityRef owner) {
        for (String column : List.of("modifiedby", "createdby")) {
            EntityRef user = resource.ref(column);
            if (user != null) return user.id();
        }
        return owner == null ? new UUID(0, 0) : owner.id();
    }

    static String fingerprint(String prefix, EntityRef owner, WorkCalendar cal) {
        StringBuilder s = new StringBuilder(prefix).append('|').append(owner);
        if (cal != null) {
            for (DayOfWeek d : DayOfWeek.values()) s.append('|').append(plain(cal.weekdayHours().get(d)));
            for (WorkCalendar.Exception e : cal.exceptions()) {
                s.append('|').append(e.start()).append('~').append(e.end()).append('=').append(plain(e.hours()));
            }
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 12; i++) hex.append(String.format("%02x", hash[i]));
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String plain(BigDecimal b) { return b == null ? "0" : b.stripTrailingZeros().toPlainString(); }
}
