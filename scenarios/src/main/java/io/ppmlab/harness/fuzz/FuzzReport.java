package io.ppmlab.harness.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fuzzing run found, as written to {@code fuzz.json}: requests sent, distinct inputs (by the bytes on the
 * wire), a histogram of statuses and of request kinds, the refused writes whose table was read before and after,
 * and the distinct failures with how often each was hit and one request that shows it.
 */
record FuzzReport(long seed, double seconds, String emulator, long requests, long distinctInputs, Map<Integer, Long> statuses,
                  Map<String, Long> kinds, long refusedWritesChecked, Map<String, Integer> rowsBefore, Map<String, Integer> rowsAfter,
                  boolean answersAtEnd, List<Failure> failures) {

    /** One distinct failure: its signature, how many inputs hit it, one of them, and the start of the answer. */
    record Failure(String signature, long count, String example, String answer) {}

    boolean passed() { return failures.isEmpty() && answersAtEnd; }

    String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("fuzz: %,d requests (%,d distinct inputs) in %.0f s, seed %d, against %s%n", requests, distinctInputs, seconds, seed, emulator));
        b.append("statuses: ").append(new TreeMap<>(statuses)).append('\n');
        b.append("kinds: ").append(new LinkedHashMap<>(kinds)).append('\n');
        b.append(String.format("refused writes checked row by row: %,d; tables: %d; rows before %,d, after %,d%s%n", refusedWritesChecked,
                rowsBefore.size(), total(rowsBefore), total(rowsAfter), unreadable(rowsAfter)));
        b.append("emulator answers at the end: ").append(answersAtEnd ? "yes" : "NO").append('\n');
        b.append("distinct failures: ").append(failures.size()).append('\n');
        for (Failure f : failures) b.append("  ").append(f.count()).append(" x ").append(f.signature()).append("\n      e.g. ")
                .append(f.example().replace("\n", "\n           ")).append("\n      answer: ").append(f.answer()).append('\n');
        return b.toString();
    }

    /** Tables the admin could no longer list at the end (-1 in fuzz.json): accepted fuzzed writes may take its roles. */
    private static String unreadable(Map<String, Integer> rows) {
        long n = rows.values().stream().filter(v -> v < 0).count();
        return n == 0 ? "" : String.format(" (%d of %d tables unreadable to the admin at the end: accepted writes changed its roles or privileges)", n, rows.size());
    }

    private static long total(Map<String, Integer> rows) {
        return rows.values().stream().mapToLong(n -> Math.max(0, n)).sum();
    }
}
