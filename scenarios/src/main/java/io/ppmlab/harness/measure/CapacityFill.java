package io.ppmlab.harness.measure;

import io.ppmlab.emulator.clock.LabClock;
import io.ppmlab.emulator.meter.StorageMeter;
import io.ppmlab.emulator.operations.VersionSequence;
import io.ppmlab.emulator.resourcing.CalendarWatch;
import io.ppmlab.emulator.resourcing.CapacityService;
import io.ppmlab.emulator.resourcing.ResourcingSettings;
import io.ppmlab.emulator.store.ChronicleStore;
import io.ppmlab.emulator.store.StoreOptions;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The "fills 2,000 resources × 4 years of capacity and reports the time, rows, real bytes and quota per
 * resource-year": an empty journaled {@link ChronicleStore} gets a {@link FillOrganisation}, then
 * {@link CapacityService} fills the horizon (1 year behind the fixed today 2025-01-06, the rest ahead) in one
 * {@code catchUp}; the store's bytes and the {@link StorageMeter}'s quota follow, then one day's roll-forward.
 * At 2,000 × 4 that is 2.9 million rows, tens of seconds and about 600 MB of store files.
 */
public final class CapacityFill {
    /** The fill's today: the generated profiles' as-of date, so runs compare. */
    public static final LocalDate TODAY = LocalDate.of(2025, 1, 6);

    /** @param years of horizon, 1 behind and {@code years - 1} ahead */
    public record Size(int resources, int years) {
        public Size {
            if (resources < 1) throw new IllegalArgumentException("--resources must be at least 1, not " + resources);
            if (years < 1 || years > 11) throw new IllegalArgumentException("--years must be 1 to 11 (1 behind, the rest ahead), not " + years);
        }

        long days() { return ChronoUnit.DAYS.between(TODAY.minusYears(1), TODAY.plusYears(years - 1)); }
    }

    private final Schema schema;
    private final Progress progress;
    private final Consumer<String> log;

    /** @param log the capacity service's own log lines */
    public CapacityFill(Schema schema, Progress progress, Consumer<String> log) {
        this.schema = schema;
        this.progress = progress;
        this.log = log;
    }

    /** Fills into {@code dir}, which should be empty (the store is created there and closed at the end). */
    public CapacityFillResult run(Size size, Path dir) {
        MachineFacts machine = MachineFacts.now();
        long expected = size.resources() * size.days();
        StoreOptions options = StoreOptions.defaults().withEntries(CapacityService.TABLE, Math.max(100_000, expected + expected / 10));
        try (ChronicleStore chronicle = new ChronicleStore(dir, schema, options)) {
            TimedStore timed = new TimedStore(chronicle, CapacityService.TABLE, progress);
            CalendarWatch store = new CalendarWatch(timed);
            LabClock clock = new LabClock(Clock.fixed(TODAY.atTime(8, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
            int exceptions = new FillOrganisation().writeTo(store, TODAY, size.years(), size.resources());
            store.put(new Row(ResourcingSettings.TABLE, ResourcingSettings.rowId(ResourcingSettings.HORIZON_KEY), Map.of(
                    "sensei_name", ResourcingSettings.HORIZON_KEY,
                    "sensei_value", "{\"yearsBehind\":1,\"yearsAhead\":" + (size.years() - 1) + "}")));
            CapacityService service = new CapacityService(new CapacityService.Wiring(schema, store, store, VersionSequence.inMemory(), clock,
                    new ResourcingSettings(store, log), null, log));
            timed.takeTime();

            progress.start("capacity fill", expected, " rows");
            long t0 = System.nanoTime();
            CapacityService.Round fill;
            try {
                fill = service.catchUp();
            } finally {
                progress.finish();
            }
            long fillMillis = (System.nanoTime() - t0) / 1_000_000;
            CapacityFillResult.Step filled = new CapacityFillResult.Step(fill.written(), fill.deleted(), fillMillis, timed.takeTime());
            CapacityFillResult.Storage storage = new CapacityFillResult.Storage(chronicle.count(CapacityService.TABLE),
                    chronicle.bytesUsed(CapacityService.TABLE));

            clock.advance(Duration.ofDays(1));
            long t1 = System.nanoTime();
            CapacityService.Round roll = service.catchUp();
            long rollMillis = (System.nanoTime() - t1) / 1_000_000;
            CapacityFillResult.Step rolled = new CapacityFillResult.Step(roll.written(), roll.deleted(), rollMillis, timed.takeTime());

            // The meter runs after the roll, as it always has: the window has moved by one day, the row count has not.
            return new CapacityFillResult(machine, size.resources(), size.years(),
                    new CapacityFillResult.Window(fill.window().start().toString(), fill.window().end().minusDays(1).toString(), fill.window().days()),
                    exceptions, filled, storage, StorageMeter.measure(chronicle, schema).capacity(), rolled, MachineFacts.currentLoadAverage());
        }
    }
}
