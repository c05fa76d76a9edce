package io.ppmlab.emulator.meter;

import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The storage meter: scans every table of a store once and reports, per table, the bytes the store holds and the
 * Dataverse database quota the same rows would take ({@link RowSizeModel}), and the capacity quota per
 * resource-year. Reads only; a full scan of 3M capacity rows takes seconds.
 */
public final class StorageMeter {
    /** One row per resource per day (see resourcing.json). */
    public static final String CAPACITY_TABLE = "sensei_resourcecapacity";
    public static final String CAPACITY_RESOURCE = "sensei_bookableresource";
    public static final String CAPACITY_DATE = "sensei_date";
    public static final double DOCUMENTED_KB_PER_RESOURCE_YEAR = 170;

    private StorageMeter() {}

    public static MeterReport measure(Store store, Schema schema) {
        List<MeterReport.TableLine> lines = new ArrayList<>();
        MeterReport.CapacityFigure capacity = null;
        long rows = 0;
        long storeBytes = 0;
        long quota = 0;
        for (Table t : schema.tables()) {
            RowSizeModel model = new RowSizeModel(TableLayout.of(t));
            Sum sum = new Sum(model.layout().indexes().size());
            CapacityDays days = t.logicalName().equals(CAPACITY_TABLE) ? new CapacityDays(model) : null;
            store.scan(t.logicalName(), row -> {
                sum.add(model.quota(row));
                if (days != null) days.add(row);
            });
            MeterReport.TableLine line = sum.line(t.logicalName(), store.bytesUsed(t.logicalName()), model.layout());
            lines.add(line);
            rows += line.rows();
            storeBytes += line.storeBytes();
            quota += line.quotaBytes();
            if (days != null && line.rows() > 0) capacity = days.figure(line, sum.records);
        }
        return new MeterReport(lines, rows, storeBytes, quota, capacity);
    }

    /** Running totals of one table's modelled quota. */
    private static final class Sum {
        long rows;
        long records;
        double data;
        long offRow;
        final double[] index;
        final long[] entries;

        Sum(int indexes) {
            index = new double[indexes];
            entries = new long[indexes];
        }

        void add(RowSizeModel.RowQuota q) {
            rows++;
            records += q.records();
            data += q.dataBytes();
            offRow += q.offRowBytes();
            for (int i = 0; i < index.length; i++) {
                index[i] += q.indexBytes()[i];
                if (q.indexBytes()[i] > 0) entries[i]++;
            }
        }

        MeterReport.TableLine line(String table, long storeBytes, TableLayout layout) {
            List<MeterReport.IndexLine> ix = new ArrayList<>();
            long indexBytes = 0;
            for (int i = 0; i < index.length; i++) {
                SqlIndex def = layout.indexes().get(i);
                List<String> cols = new ArrayList<>(def.keys());
                cols.addAll(def.includes());
                long b = Math.round(index[i]);
                ix.add(new MeterReport.IndexLine(def.name(), cols, entries[i], b));
                indexBytes += b;
            }
            long dataBytes = Math.round(data);
            return new MeterReport.TableLine(table, rows, storeBytes, dataBytes + offRow + indexBytes, dataBytes, offRow, indexBytes, ix);
        }
    }

    /** Distinct (resource, day) pairs of the capacity table, and the first row for the worked example. */
    private static final class CapacityDays {
        final RowSizeModel model;
        final Map<UUID, int[]> daysByResource = new HashMap<>();
        final Map<UUID, Integer> counts = new HashMap<>();
        Row first;

        CapacityDays(RowSizeModel model) { this.model = model; }

        void add(Row row) {
            if (first == null) first = row;
            if (!(row.get(CAPACITY_RESOURCE) instanceof EntityRef ref) || !(row.get(CAPACITY_DATE) instanceof LocalDate date)) return;
            int n = counts.merge(ref.id(), 1, Integer::sum);
            int[] days = daysByResource.get(ref.id());
            if (days == null || days.length < n) {
                days = days == null ? new int[64] : Arrays.copyOf(days, days.length * 2);
                daysByResource.put(ref.id(), days);
            }
            days[n - 1] = (int) date.toEpochDay();
        }

        MeterReport.CapacityFigure figure(MeterReport.TableLine line, long records) {
            long resourceDays = 0;
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (Map.Entry<UUID, int[]> e : daysByResource.entrySet()) {
                int n = counts.get(e.getKey());
                int[] days = Arrays.copyOf(e.getValue(), n);
                Arrays.sort(days);
                for (int i = 0; i < n; i++) if (i == 0 || days[i] != days[i - 1]) resourceDays++;
                min = Math.min(min, days[0]);
                max = Math.max(max, days[n - 1]);
            }
            double years = resourceDays / 365.0;
            double perYearKb = years == 0 ? 0 : line.quotaBytes() / years / 1000;
            double tagsKb = years == 0 ? 0 : (line.quotaBytes() + records * (double) RowSizeModel.VERSION_TAG_BYTES) / years / 1000;
            return new MeterReport.CapacityFigure(CAPACITY_TABLE, line.rows(), daysByResource.size(),
                    resourceDays == 0 ? null : LocalDate.ofEpochDay(min).toString(),
                    resourceDays == 0 ? null : LocalDate.ofEpochDay(max).toString(), resourceDays, years, line.quotaBytes(),
                    line.quotaPerRow(), perYearKb, DOCUMENTED_KB_PER_RESOURCE_YEAR,
                    perYearKb / DOCUMENTED_KB_PER_RESOURCE_YEAR - 1, tagsKb, Optional.ofNullable(first).map(model::explain).orElse(List.of()));
        }
    }
}
