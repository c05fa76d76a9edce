package io.ppmlab.emulator.store;

import java.util.Locale;

/**
 * A deliberate regression for testing the capacity gate, and nothing else: off by default, switched on only by
 * {@code serve --lab-regression} (or {@code LAB_REGRESSION}). It exists so that the gate's claim "a query that
 * reads ten times the rows, or a path a few ms slower, is caught" can be shown on the real emulator rather than on
 * edited results (README, "How the gate decides"). Both forms act on full scans of one table only, and neither
 * changes an answer:
 * <ul>
 *   <li>{@code rows10x:<table>}: each scan of the table reads it {@value TenfoldRows#FACTOR} times (as when a query
 *   loses its index): rows read, the modelled cost and the real work all grow, the visitor still sees each row once;</li>
 *   <li>{@code sleep:<ms>:<table>}: each scan of the table first sleeps that long (server time only).</li>
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
        if (this instanceof TenfoldRows r) return "rows10x: every scan of " + r.table() + " reads it " + TenfoldRows.FACTOR + " times";
        if (this instanceof Sleep s) return "sleep: every scan of " + s.table() + " sleeps " + s.millis() + " ms first";
        return "off";
    }
}
