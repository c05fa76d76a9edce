package io.ppmlab.harness.measure;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ppmlab.emulator.meter.MeterReport;

import java.util.Locale;

/**
 * What {@link CapacityFill} measured.
 *
 * @param exceptions       holidays and vacations the capacity was computed from
 * @param fill             the horizon filled into the empty store
 * @param storage          the capacity table right after the fill: rows and the bytes the store holds for them
 * @param meter            the storage meter's capacity figure (quota per resource-year against the documented 170 KB)
 * @param roll             the clock moved one day: the new last day written, the day that left deleted
 * @param loadAverageAtEnd the 1-minute load average when it finished (the start's is in {@code machine})
 */
public record CapacityFillResult(MachineFacts machine, int resources, int years, Window window, int exceptions, Step fill,
                                 Storage storage, MeterReport.CapacityFigure meter, Step roll, double loadAverageAtEnd) {

    /** The filled days, both included. */
    public record Window(String firstDay, String lastDay, int days) {}

    /** One round of the capacity service: rows written and deleted, wall time, and the part of it spent in the store. */
    public record Step(long written, long deleted, long millis, StoreTime store) {
        @JsonProperty
        public double microsPerRow() { return millis * 1000.0 / Math.max(1, written + deleted); }
    }

    /** Time spent inside the store's {@code apply} and {@code get} during a step. */
    public record StoreTime(long applyMillis, long applies, long getMillis, long gets) {}

    public record Storage(long rows, long bytes) {
        @JsonProperty
        public double bytesPerRow() { return rows == 0 ? 0 : bytes / (double) rows; }

        /** Real store bytes per resource-year (365 daily rows), in KB of 1,000 bytes. */
        @JsonProperty
        public double realKbPerResourceYear() { return rows == 0 ? 0 : bytes / (rows / 365.0) / 1000; }
    }

    /** The meter's modelled Dataverse quota per resource-year, KB of 1,000 bytes (the figure). */
    @JsonProperty
    public double quotaPerResourceYearKb() { return meter == null ? 0 : meter.quotaPerResourceYearKb(); }

    public String toJson() { return MeasureJson.write(this); }

    public String toText() {
        StringBuilder s = new StringBuilder();
        s.append(machine.toText()).append('\n');
        s.append(String.format(Locale.ROOT, "fill: %,d resources × %d years (%s..%s, %,d days): %,d capacity rows written in %,d ms (%.1f µs/row), %,d exceptions%n",
                resources, years, window.firstDay(), window.lastDay(), window.days(), fill.written(), fill.millis(), fill.microsPerRow(), exceptions));
        s.append(storeLine("fill in the store", fill.store()));
        s.append(String.format(Locale.ROOT, "store: %,d rows, %,d bytes (%.1f B/row, %.1f KB real per resource-year)%n", storage.rows(), storage.bytes(),
                storage.bytesPerRow(), storage.realKbPerResourceYear()));
        if (meter == null) s.append("meter: no capacity rows\n");
        else s.append(String.format(Locale.ROOT, "meter: %,.1f resource-years, quota %,d bytes = %.1f KB per resource-year (documented %.0f KB, %+.1f%%)%n",
                meter.resourceYears(), meter.quotaBytes(), meter.quotaPerResourceYearKb(), meter.documentedKb(), meter.deviation() * 100));
        s.append(String.format(Locale.ROOT, "roll forward one day: %,d written, %,d deleted in %,d ms%n", roll.written(), roll.deleted(), roll.millis()));
        s.append(storeLine("roll in the store", roll.store()));
        s.append(String.format(Locale.ROOT, "load average at the end: %.2f (1 min)%n", loadAverageAtEnd));
        return s.toString();
    }

    private static String storeLine(String what, StoreTime t) {
        return String.format(Locale.ROOT, "%s: apply %,d ms (%,d batches), get %,d ms (%,d gets)%n", what, t.applyMillis(), t.applies(),
                t.getMillis(), t.gets());
    }
}
