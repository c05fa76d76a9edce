package io.ppmlab.emulator.meter;

import io.ppmlab.emulator.store.ChronicleStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.StoreOptions;
import io.ppmlab.schema.Schema;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Fills a fresh data dir with capacity rows, one batch per resource (like a capacity recompute), and prints the
 * meter: {@code MeterMeasure <new dataDir> [resources] [years]} with the test classpath and the Chronicle flags.
 */
public final class MeterMeasure {
    private MeterMeasure() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int resources = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int years = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Schema schema = RowSizeModelTest.SCHEMA;
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = from.plusYears(years);
        long rows = (long) resources * (to.toEpochDay() - from.toEpochDay());
        StoreOptions options = StoreOptions.defaults().withEntries(StorageMeter.CAPACITY_TABLE, Math.max(100_000, rows));
        try (ChronicleStore store = new ChronicleStore(dir, schema, options)) {
            long t0 = System.nanoTime();
            for (int r = 0; r < resources; r++) {
                UUID resource = new UUID(0xBEEFL, r);
                List<Mutation> batch = new ArrayList<>();
                for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) batch.add(new Mutation.Put(RowSizeModelTest.capacityRow(resource, d)));
                store.apply(batch);
            }
            double fill = (System.nanoTime() - t0) / 1e9;
            long m0 = System.nanoTime();
            MeterReport report = StorageMeter.measure(store, schema);
            double meter = (System.nanoTime() - m0) / 1e9;
            System.out.printf(Locale.ROOT, "filled %,d capacity rows (%d resources × %d years, one batch per resource) in %.1f s (%.0f rows/s); meter took %.1f s%n",
                    rows, resources, years, fill, rows / fill, meter);
            System.out.print(report.toText());
        }
    }
}
