package io.ppmlab.emulator.acceptance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** The leak oracle's counts: per read path, pairs, refusals, expected facts, leaks and misses; the first failures in full. */
final class OracleTally {
    private static final int FAILURES_SHOWN = 10;

    private static final class Path {
        int pairs;
        int refused;
        long expectedFacts;
        int leaked;
        int missed;
        int failedPairs;
    }

    private final Map<String, Path> paths = new TreeMap<>();
    private final Set<String> queries = new LinkedHashSet<>();
    private final Set<UUID> users = new LinkedHashSet<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;
    private int impersonatedPairs;
    private int cookiePages;
    private int failedPairs;
    private long referenceNanos;
    private long httpNanos;

    /** Records one pair; returns true when the answer differed from the expectation. */
    boolean add(long seed, int pair, String upn, UUID user, OracleProbe probe, OracleRunner.Answer answer, boolean impersonated) {
        if (impersonated) impersonatedPairs++;
        cookiePages += answer.cookies();
        Path p = paths.computeIfAbsent(probe.path(), k -> new Path());
        p.pairs++;
        if (probe.expected().stream().anyMatch(f -> f.contains("status:403"))) p.refused++;
        p.expectedFacts += probe.expected().size();
        queries.add(probe.query());
        users.add(user);
        requests += answer.requests();
        Set<String> leaked = minus(answer.facts(), probe.expected());
        Set<String> missed = minus(probe.expected(), answer.facts());
        p.leaked += leaked.size();
        p.missed += missed.size();
        if (leaked.isEmpty() && missed.isEmpty()) return false;
        p.failedPairs++;
        failedPairs++;
        if (failures.size() < FAILURES_SHOWN) {
            failures.add("seed " + seed + " pair " + pair + " user " + upn + " (" + user + ")\n  " + probe.query()
                    + "\n  leaked " + leaked + "\n  missed " + missed);
        }
        return true;
    }

    void time(long referenceNanos, long httpNanos) {
        this.referenceNanos += referenceNanos;
        this.httpNanos += httpNanos;
    }

    List<String> failures() { return failures; }

    int failedPairs() { return failedPairs; }

    int impersonatedPairs() { return impersonatedPairs; }

    int cookiePages() { return cookiePages; }

    Set<String> paths() { return paths.keySet(); }

    String summary(long seed, int pairs) {
        StringBuilder sb = new StringBuilder(String.format(
                "leak oracle: seed %d, %d pairs, %d distinct queries, %d users, %d HTTP requests; %.1f s in HTTP, %.1f s in the reference%n",
                seed, pairs, queries.size(), users.size(), requests, httpNanos / 1e9, referenceNanos / 1e9));
        sb.append(String.format("  %d pairs sent by admin@ acting as the user (MSCRMCallerID); %d FetchXML pages asked for with a paging cookie%n",
                impersonatedPairs, cookiePages));
        paths.forEach((name, p) -> sb.append(String.format("  %-19s %6d pairs  %5d refused (403)  %8.1f expected facts/pair  %d leaked  %d missed%n",
                name, p.pairs, p.refused, p.pairs == 0 ? 0.0 : (double) p.expectedFacts / p.pairs, p.leaked, p.missed)));
        return sb.toString();
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }
}
