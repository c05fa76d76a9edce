package io.ppmlab.emulator.resourcing;

import io.ppmlab.datasets.Ids;
import io.ppmlab.datasets.generator.CapacityCalculator;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.operations.VersionSequence;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps {@code sensei_resourcecapacity} true: one row per resource per day of the capacity horizon, computed from
 * the calendars by {@link CapacityCalculator}. A round runs when capacity's inputs were written (a calendar, an
 * exception, a resource, the horizon setting: {@link CalendarWatch}) or the emulator clock reached a new day:
 * <ul>
 *   <li>a resource whose inputs changed is recomputed over the whole window, writing only the rows whose hours
 *       or owner differ (rows it wrote under another id prefix, e.g. before a rename, are deleted);</li>
 *   <li>otherwise, when the window moved (a new day, a new horizon setting), the new days are filled and the days
 *       that left the window are deleted: the horizon rolls forward with the clock.</li>
 * </ul>
 * One resource's changes go in one {@code Store.apply} (several resources share one, up to ~20,000 rows). Rows
 * outside the window the service never wrote (the demo's January 2025, an older generated horizon) are left alone.
 */
public final class CapacityService implements AutoCloseable {
    public static final String TABLE = "sensei_resourcecapacity";
    private static final int FLUSH_ROWS = 20_000;

    /** What the service reads and writes through; {@code stateFile} null keeps its state in memory. */
    public record Wiring(Schema schema, Store store, CalendarWatch watch, VersionSequence versions, Clock clock,
                         ResourcingSettings settings, Path stateFile, Consumer<String> log) {}

    /** What one round did; {@code recomputed} resources were redone whole, {@code rolled} only at the window's ends. */
    public record Round(LocalDate today, CapacityHorizon.Window window, int resources, int recomputed, int rolled,
                        long written, long deleted, long millis) {
        boolean idle() { return recomputed == 0 && rolled == 0 && written == 0 && deleted == 0; }
    }

    private final Wiring w;
    private final Table table;
    private final CapacityState state;
    private CapacityHorizon horizon = CapacityHorizon.DEFAULT;
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean closed;

    public CapacityService(Wiring wiring) {
        this.w = wiring;
        this.table = wiring.schema().table(TABLE).orElseThrow(() -> new IllegalArgumentException("the schema has no " + TABLE));
        this.state = CapacityState.open(wiring.stateFile());
    }

    /** Runs rounds in the background every {@code poll} (real time); each does nothing unless something changed. */
    public synchronized CapacityService start(Duration poll) {
        if (scheduler != null) return this;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "capacity-horizon");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                catchUp();
            } catch (RuntimeException e) {
                w.log().accept("capacity round failed (retried on the next poll): " + e);
            }
        }, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The window the capacity rows cover now (null before the first round). */
    public synchronized CapacityHorizon.Window window() { return state.window; }

    /**
     * Brings capacity up to date now: waits for a background round in progress, then does whatever is left
     * (nothing, when no input changed and the day is the same).
     */
    public synchronized Round catchUp() {
        long t0 = System.nanoTime();
        boolean dirty = w.watch() == null || w.watch().takeDirty();
        LocalDate today = LocalDate.ofInstant(w.clock().instant(), ZoneOffset.UTC);
        try {
            if (dirty) horizon = w.settings().horizon();
            CapacityHorizon.Window window = horizon.window(today);
            if (!dirty && window.equals(state.window)) return new Round(today, window, state.resources.size(), 0, 0, 0, 0, 0);
            Round round = round(today, window, t0);
            if (!round.idle()) {
                w.log().accept(String.format("capacity %s..%s: %d resources, %d recomputed, %d rolled, %d rows written, %d deleted in %d ms",
                        window.start(), window.end().minusDays(1), round.resources(), round.recomputed(), round.rolled(),
                        round.written(), round.deleted(), round.millis()));
            }
            return round;
        } catch (RuntimeException e) {
            if (w.watch() != null) w.watch().markDirty();
            throw e;
        }
    }

    private Round round(LocalDate today, CapacityHorizon.Window window, long t0) {
        Batch batch = new Batch(new SystemColumns(new ReadCache(w.store(), ReadCache.PRINCIPALS), w.clock(), w.versions()));
        CapacityHorizon.Window old = state.window;
        int recomputed = 0;
        int rolled = 0;
        Set<UUID> seen = new HashSet<>();
        List<CapacityInputs.Resource> inputs = CapacityInputs.load(w.store());
        for (CapacityInputs.Resource r : inputs) {
            if (closed) throw new IllegalStateException("capacity service closed during a round; the next start redoes it");
            seen.add(r.id());
            CapacityState.Entry prev = state.resources.get(r.id());
            boolean unchanged = prev != null && old != null && prev.fingerprint().equals(r.fingerprint());
            if (unchanged) {
                if (!prev.hasRows() || window.equals(old)) continue;
                for (CapacityHorizon.Window part : minus(window, old)) batch.reconcile(r, part);
                for (CapacityHorizon.Window part : minus(old, window)) batch.delete(r.prefix(), r.id(), part);
                rolled++;
            } else {
                batch.reconcile(r, window);
                if (prev != null && prev.hasRows() && old != null) {
                    if (!prev.prefix().equals(r.prefix())) batch.delete(prev.prefix(), r.id(), old);
                    else for (CapacityHorizon.Window part : minus(old, window)) batch.delete(r.prefix(), r.id(), part);
                }
                recomputed++;
            }
            state.resources.put(r.id(), new CapacityState.Entry(r.fingerprint(), r.prefix(), r.calendar() != null));
            batch.flushIfFull();
        }
        for (UUID gone : new ArrayList<>(state.resources.keySet())) {
            if (seen.contains(gone)) continue;
            CapacityState.Entry prev = state.resources.remove(gone);
            if (prev.hasRows() && old != null) batch.delete(prev.prefix(), gone, old); // usually gone already (parental cascade)
            batch.flushIfFull();
        }
        batch.flush();
        state.window = window;
        state.save();
        return new Round(today, window, inputs.size(), recomputed, rolled, batch.written, batch.deleted, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The days of {@code a} not in {@code b}: at most two ranges. */
    static List<CapacityHorizon.Window> minus(CapacityHorizon.Window a, CapacityHorizon.Window b) {
        if (b == null || !b.end().isAfter(a.start()) || !a.end().isAfter(b.start())) return List.of(a);
        List<CapacityHorizon.Window> out = new ArrayList<>(2);
        if (a.start().isBefore(b.start())) out.add(new CapacityHorizon.Window(a.start(), b.start()));
        if (b.end().isBefore(a.end())) out.add(new CapacityHorizon.Window(b.end(), a.end()));
        return out;
    }

    /** The id of a capacity row: the name-based id the generator and the demo use ({@code <prefix>/<date>}). */
    static UUID rowId(String prefix, LocalDate day) { return Ids.of(TABLE, prefix + "/" + day); }

    /** Mutations of one round, applied in chunks at resource boundaries. */
    private final class Batch {
        final SystemColumns system;
        final List<Mutation> pending = new ArrayList<>();
        long written;
        long deleted;

        Batch(SystemColumns system) { this.system = system; }

        /** Makes the rows of {@code days} what the resource's calendar says (none without a calendar). */
        void reconcile(CapacityInputs.Resource r, CapacityHorizon.Window days) {
            EntityRef resource = new EntityRef(CapacityInputs.RESOURCES, r.id());
            BigDecimal[] hours = r.calendar() == null ? null : CapacityCalculator.hoursPerDay(r.calendar(), days.start(), days.end());
            Caller caller = Caller.of(r.writer(), null);
            LocalDate d = days.start();
            for (int i = 0; i < days.days(); i++, d = d.plusDays(1)) {
                UUID id = rowId(r.prefix(), d);
                Optional<Row> current = w.store().get(TABLE, id);
                if (hours == null) {
                    if (current.isPresent()) delete(id);
                    continue;
                }
                if (current.isEmpty()) {
                    Map<String, Object> v = new LinkedHashMap<>(8);
                    v.put("sensei_bookableresource", resource);
                    v.put("sensei_date", d);
                    v.put("sensei_capacity", hours[i]);
                    if (r.owner() != null) v.put("ownerid", r.owner());
                    put(system.forCreate(table, id, v, caller));
                } else if (differs(current.get(), resource, hours[i], r.owner())) {
                    Map<String, Object> v = new LinkedHashMap<>(8);
                    v.put("sensei_bookableresource", resource);
                    v.put("sensei_date", d);
                    v.put("sensei_capacity", hours[i]);
                    if (r.owner() != null && !r.owner().equals(current.get().ref("ownerid"))) v.put("ownerid", r.owner());
                    put(system.forUpdate(table, current.get(), v, caller));
                }
            }
        }

        /** Deletes the rows of {@code days} under {@code prefix} (absent rows cost nothing). */
        void delete(String prefix, UUID resource, CapacityHorizon.Window days) {
            for (LocalDate d = days.start(); d.isBefore(days.end()); d = d.plusDays(1)) {
                UUID id = rowId(prefix, d);
                Optional<Row> current = w.store().get(TABLE, id);
                EntityRef of = current.map(c -> c.ref("sensei_bookableresource")).orElse(null);
                if (of != null && of.id().equals(resource)) delete(id);
            }
        }

        private boolean differs(Row current, EntityRef resource, BigDecimal hours, EntityRef owner) {
            Object stored = current.get("sensei_capacity");
            return !(stored instanceof BigDecimal b && b.compareTo(hours) == 0)
                    || !resource.equals(current.ref("sensei_bookableresource"))
                    || (owner != null && !Objects.equals(owner, current.ref("ownerid")));
        }

        private void put(Row row) {
            pending.add(new Mutation.Put(row));
            written++;
        }

        private void delete(UUID id) {
            pending.add(new Mutation.Delete(TABLE, id));
            deleted++;
        }

        void flushIfFull() { if (pending.size() >= FLUSH_ROWS) flush(); }

        void flush() {
            if (pending.isEmpty()) return;
            w.store().apply(List.copyOf(pending));
            pending.clear();
        }
    }

    /** Stops the background rounds; a round in progress stops at the next resource (the next start redoes it). */
    @Override
    public void close() {
        closed = true;
        ScheduledExecutorService s = scheduler;
        if (s == null) return;
        s.shutdownNow();
        try {
            if (!s.awaitTermination(30, TimeUnit.SECONDS)) w.log().accept("capacity round still running after 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
