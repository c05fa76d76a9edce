package io.ppmlab.reports.html;

import io.ppmlab.reports.results.Results;
import io.ppmlab.reports.results.Server;
import io.ppmlab.reports.results.Storage;

import java.util.ArrayList;
import java.util.List;

/** What the emulator reported about itself: server-side time per operation, rows per request, storage per table. */
final class ServerSections {
    private ServerSections() {}

    static void server(Html h, Results r) {
        h.section("server", "Server-side time per operation");
        if (!r.hasServer()) {
            h.note("The emulator reported no server-side figures for this run.").endSection();
            return;
        }
        Server s = r.server();
        if (!s.operations().isEmpty()) {
            SvgBars bars = new SvgBars("Server-side time per operation", "ms");
            List<Double> p50 = new ArrayList<>();
            List<Double> p95 = new ArrayList<>();
            for (Server.Operation o : s.operations()) {
                bars.category(o.operation() + " " + (o.table() == null ? "" : o.table()) + " (" + Html.count(o.count()) + ")");
                p50.add(o.p50Ms());
                p95.add(o.p95Ms());
            }
            bars.series("p50", LineCharts.COLORS[0], p50).series("p95", LineCharts.COLORS[1], p95);
            if (!bars.isEmpty()) h.raw(bars.render());
        }
        if (!s.requests().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Server.Request q : s.requests()) {
                rows.add(List.of("<code>" + Html.esc(q.name()) + "</code>", Html.n(Html.count(q.count())), Html.n(Html.count(q.rowsRead())),
                        Html.n(Html.count(q.rowsWritten())), Html.n(Html.ms(q.serverP50Ms())), Html.n(Html.ms(q.serverP95Ms())),
                        Html.n(Html.ms(q.modelledMs())), Html.n(Html.bytes(q.responseBytes()))));
            }
            h.table(List.of("request", "count", "rows read", "rows written", "server p50 ms", "server p95 ms", "modelled ms", "response bytes"), rows);
        }
        if (s.throttled() != null) {
            h.p("Refused by service protection: " + Html.count(s.throttled().requests()) + " (request count), "
                    + Html.count(s.throttled().executionTime()) + " (execution time), " + Html.count(s.throttled().concurrency()) + " (concurrency).");
        }
        h.endSection();
    }

    static void storage(Html h, Results r) {
        h.section("storage", "Storage per table");
        if (r.storage().isEmpty()) {
            h.note("No storage meter reading in this run.").endSection();
            return;
        }
        SvgBars bars = new SvgBars("Storage per table: real bytes on disk and modelled Dataverse quota", "MB");
        List<Double> real = new ArrayList<>();
        List<Double> quota = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (Storage s : r.storage()) {
            bars.category(s.table());
            real.add(s.realBytes() == null ? null : s.realBytes() / 1e6);
            quota.add(s.quotaBytes() == null ? null : s.quotaBytes() / 1e6);
            rows.add(List.of("<code>" + Html.esc(s.table()) + "</code>", Html.n(Html.count(s.rows())), Html.n(Html.bytes(s.realBytes())),
                    Html.n(Html.bytes(s.quotaBytes()))));
        }
        bars.series("real bytes", LineCharts.COLORS[0], real).series("modelled quota", LineCharts.COLORS[3], quota);
        if (!bars.isEmpty()) h.raw(bars.render());
        h.table(List.of("table", "rows", "real bytes", "modelled quota"), rows);
        h.endSection();
    }
}
