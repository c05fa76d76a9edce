package io.ppmlab.emulator.product.settings;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The local stand-in for Application Insights: the last {@link #CAPACITY} events, in memory, for an admin to read. */
final class TelemetrySink {
    static final int CAPACITY = 10_000;
    private final Deque<TelemetryEvent> events = new ArrayDeque<>();

    synchronized void record(TelemetryEvent e) {
        if (events.size() == CAPACITY) events.removeFirst();
        events.addLast(e);
    }

    synchronized List<TelemetryEvent> all() { return List.copyOf(events); }
}
