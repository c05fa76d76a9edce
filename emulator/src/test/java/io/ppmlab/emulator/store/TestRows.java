package io.ppmlab.emulator.store;

import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Rows for the store tests, reproducible from a number so a reader can rebuild what a writer wrote. */
final class TestRows {
    private TestRows() {}

    /** A project row with every column set; the same {@code n} (and table) always gives the same row. */
    static Row project(String table, long n) {
        Random r = new Random(n);
        UUID id = new UUID(0x5e45e1L << 40 | n, r.nextLong());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(table + "id", id);
        v.put("sensei_name", "Project " + n + " – Ünïcödé ✓");
        v.put("sensei_description", "Roll out the new PPM process to region " + r.nextInt(40) + ". 项目说明 🚀");
        v.put("sensei_priority", r.nextInt(5) + 1);
        v.put("sensei_effort", r.nextLong() >>> 20);
        v.put("sensei_progress", BigDecimal.valueOf(r.nextInt(10_000), 2));
        v.put("sensei_budget", BigDecimal.valueOf(r.nextLong() % 100_000_000_00L, 4));
        v.put("sensei_start", LocalDate.of(2020, 1, 1).plusDays(r.nextInt(2000)));
        v.put("createdon", Instant.ofEpochMilli(1_600_000_000_000L + (r.nextLong() >>> 30)));
        v.put("sensei_active", r.nextBoolean());
        v.put("statuscode", 100_000_000 + r.nextInt(5));
        v.put("ownerid", new EntityRef(r.nextBoolean() ? TestSchema.USER : TestSchema.TEAM, new UUID(r.nextLong(), r.nextLong())));
        v.put("sensei_programid", new EntityRef(TestSchema.PROGRAM, new UUID(r.nextLong(), r.nextLong())));
        return new Row(table, id, v);
    }

    static Row project(long n) { return project(TestSchema.PROJECT, n); }

    static Row named(String table, String name) {
        UUID id = UUID.randomUUID();
        return new Row(table, id, Map.of(table + "id", id, "name", name));
    }
}
