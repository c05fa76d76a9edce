package io.ppmlab.emulator.server;

/**
 * Numbers with two decimals for response headers, written without {@code String.format} or
 * {@code DecimalFormat} (both allocate a formatter per call and showed in the request profile).
 */
final class Hundredths {
    private Hundredths() {}

    /** {@code 1234.5} → {@code "1234.50"}. */
    static String plain(double value) { return write(value, false); }

    /** {@code 1199.456} → {@code "1,199.46"}: how Dataverse writes the execution time left. */
    static String grouped(double value) { return write(value, true); }

    private static String write(double value, boolean grouping) {
        long h = Math.round(value * 100);
        StringBuilder out = new StringBuilder(16);
        if (h < 0) {
            out.append('-');
            h = -h;
        }
        String whole = Long.toString(h / 100);
        if (grouping) {
            int first = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
            out.append(whole, 0, first);
            for (int i = first; i < whole.length(); i += 3) out.append(',').append(whole, i, i + 3);
        } else {
            out.append(whole);
        }
        long cents = h % 100;
        return out.append('.').append(cents < 10 ? "0" : "").append(cents).toString();
    }
}
