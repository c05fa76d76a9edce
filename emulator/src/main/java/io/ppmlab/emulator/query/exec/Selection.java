package io.ppmlab.emulator.query.exec;

import io.ppmlab.emulator.query.filter.IndexHint;
import io.ppmlab.emulator.query.filter.Pred;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Runs one security-filtered selection over a table: plan a start, read candidates, keep the rows the caller may
 * read that pass the filter, order them, cut a page after a cursor, and count up to a cap. Ordered-by-id pages
 * stream from the indexes in id order and stop as soon as the page is full; other shapes read every candidate.
 */
public final class Selection {
    /**
     * @param filter    bound filter (frame slot 0 is the row)
     * @param limit     rows wanted on the page; {@code Integer.MAX_VALUE} for all
     * @param countCap  when positive, also count matches up to {@code countCap + 1}
     */
    public record Spec(Table table, Pred filter, int frameSize, List<IndexHint> hints, RowOrder.Bound order,
                       Cursor after, int limit, int countCap) {
        public Spec { hints = List.copyOf(hints); }
    }

    /**
     * @param count matches counted (capped at countCap + 1), or -1 when not asked
     * @param last  the cursor of the last row returned, for the next page
     */
    public record Result(List<Row> rows, boolean more, int count, Cursor last, String plan) {}

    private Selection() {}

    public static Result run(QueryContext ctx, Spec spec) {
        Start start = Planner.plan(ctx, spec.table(), spec.hints());
        if (start instanceof Start.Nothing) return new Result(List.of(), false, spec.countCap() > 0 ? 0 : -1, null, start.describe());
        Row[] frame = new Row[Math.max(1, spec.frameSize())];
        boolean byId = spec.order() == null;
        if (byId && !(start instanceof Start.Scan) && (spec.countCap() <= 0 || spec.after() == null)) {
            return streamById(ctx, spec, start, frame);
        }
        List<Row> matches = new ArrayList<>();
        read(ctx, spec, start, frame, matches);
        int count = spec.countCap() > 0 ? matches.size() : -1;
        List<Row> page = new ArrayList<>();
        boolean more;
        if (byId) {
            matches.sort(Comparator.comparing(Row::id));
            int from = 0;
            if (spec.after() != null) while (from < matches.size() && matches.get(from).id().compareTo(spec.after().id()) <= 0) from++;
            int to = (int) Math.min((long) from + spec.limit(), matches.size());
            page.addAll(matches.subList(from, to));
            more = to < matches.size();
            Cursor last = page.isEmpty() ? null : new Cursor(new Object[0], page.get(page.size() - 1).id());
            return new Result(page, more, count, last, start.describe());
        }
        RowOrder.Bound order = spec.order();
        List<Keyed> keyed = new ArrayList<>(matches.size());
        for (Row r : matches) keyed.add(new Keyed(r, order.keysOf(r)));
        keyed.sort((a, b) -> order.compare(a.keys, a.row.id(), b.keys, b.row.id()));
        int from = 0;
        Cursor after = spec.after();
        if (after != null) {
            while (from < keyed.size() && order.compare(keyed.get(from).keys, keyed.get(from).row.id(), after.keys(), after.id()) <= 0) from++;
        }
        int to = (int) Math.min((long) from + spec.limit(), keyed.size());
        for (int i = from; i < to; i++) page.add(keyed.get(i).row);
        more = to < keyed.size();
        Cursor last = to > from ? new Cursor(keyed.get(to - 1).keys, keyed.get(to - 1).row.id()) : null;
        return new Result(page, more, count, last, start.describe());
    }

    private record Keyed(Row row, Object[] keys) {}

    /** Id order straight from the indexes: stops once the page (and the count, if asked) is complete. */
    private static Result streamById(QueryContext ctx, Spec spec, Start start, Row[] frame) {
        Iterator<UUID> ids = ids(start, spec.after() == null ? null : spec.after().id());
        List<Row> page = new ArrayList<>();
        boolean more = false;
        int matched = 0;
        int cap = spec.countCap();
        String table = spec.table().logicalName();
        while (ids.hasNext()) {
            Row row = ctx.store().get(table, ids.next()).orElse(null);
            if (row == null || !accept(ctx, spec, frame, row)) continue;
            matched++;
            if (page.size() < spec.limit()) page.add(row);
            else {
                more = true;
                if (cap <= 0) break;
            }
            if (cap > 0 && matched > cap && more) break;
        }
        Cursor last = page.isEmpty() ? null : new Cursor(new Object[0], page.get(page.size() - 1).id());
        return new Result(page, more, cap > 0 ? matched : -1, last, start.describe());
    }

    private static Iterator<UUID> ids(Start start, UUID after) {
        if (start instanceof Start.All all) return all.index().all().after(after);
        return ((Start.Ids) start).iterator(after);
    }

    /** Every candidate that passes; a scan when the whole table is read anyway. */
    private static void read(QueryContext ctx, Spec spec, Start start, Row[] frame, List<Row> out) {
        if (start instanceof Start.Scan || start instanceof Start.All) {
            ctx.store().scan(spec.table().logicalName(), row -> {
                if (accept(ctx, spec, frame, row)) out.add(row);
            });
            return;
        }
        Iterator<UUID> ids = ((Start.Ids) start).iterator(null);
        String table = spec.table().logicalName();
        while (ids.hasNext()) {
            Row row = ctx.store().get(table, ids.next()).orElse(null);
            if (row != null && accept(ctx, spec, frame, row)) out.add(row);
        }
    }

    private static boolean accept(QueryContext ctx, Spec spec, Row[] frame, Row row) {
        if (!ctx.readable(row)) return false;
        frame[0] = row;
        return spec.filter().test(frame) == Pred.TRUE;
    }
}
