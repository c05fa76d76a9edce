package io.ppmlab.emulator.store;

import java.util.Locale;

/**
 * A deliberate regression for testing the capacity gate, and nothing else: off by default, switched on only by
 * {@code serve --lab-regression} (or {@code LAB_REGRESSION}). It exists so that the gate's claim "a query that
 * reads ten times the rows, or a path a few ms slower, is caught" can be shown on the real emulator rather than on
 * edited results (README, "How the gate decides"). Both forms act on reads of one table only (a row fetched by
 * id, as queries do for each candidate row, or a full scan), and neither changes an answer:
 * <ul>
 *   <li>{@code rows10x:<table>}: each read of the table is done {@value TenfoldRows#FACTOR} times: rows read, the
 *   modelled cost and the real work of every request that reads the table grow tenfold, the answer is the same;</li>
 *   <li>{@code sleep:<ms>:<table>}: each read of the table (each row fetched, each scan) first sleeps that long.</li>
 * </ul>
 */
public sealed interface LabRegression permits LabRegression.Off, LabRegression.TenfoldRows, LabRegression.Sleep {
    Off OFF = new Off();

    record Off() implements LabRegression {}

    record TenfoldRows(String table) implements LabRegression {
        public static final int FACTOR = 10;
    }

    record Sleep(long millis, String table) implements LabRegression {}

    /** {@code off}, {@code rows10x:<table>} or {@code sleep:<ms>:<table>}; {@link IllegalArgumentException} says what is wrong. */
    static LabRegression parse(String spec) {
        String s = spec == null ? "" : spec.trim();
        if (s.isEmpty() || s.toLowerCase(Locale.ROOT).equals("off")) return OFF;
        String[] p = s.split(":", -1);
        switch (p[0].toLowerCase(Locale.ROOT)) {
            case "rows10x" -> {
                if (p.length == 2 && !p[1].isBlank()) return new TenfoldRows(p[1]);
            }
            case "sleep" -> {
                if (p.length == 3 && !p[2].isBlank()) {
                    try {
                        long ms = Long.parseLong(p[1]);
                        if (ms > 0 && ms <= 60_000) return new Sleep(ms, p[2]);
                    } catch (NumberFormatException e) {
                        // falls through to the message below
                    }
                }
            }
            default -> { }
        }
        throw new IllegalArgumentException("--lab-regression: expected off, rows10x:<table> or sleep:<1-60000 ms>:<table>, got '" + spec + "'");
    }

    /** The store with this regression above it; the store itself when off (no cost at all by default). */
    default Store wrap(Store store) {
        return this instanceof Off ? store : new RegressionStore(store, this);
    }

    /** One line for the start-up log, so a run with the regression on cannot be mistaken for a normal one. */
    default String describe() {
        if (this instanceof TenfoldRows r) return "rows10x: every read of " + r.table() + " is done " + TenfoldRows.FACTOR + " times";
        if (this instanceof Sleep s) return "sleep: every read of " + s.table() + " sleeps " + s.millis() + " ms first";
        return "off";
    }
}
