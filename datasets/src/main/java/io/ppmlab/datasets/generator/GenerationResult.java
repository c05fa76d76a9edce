package io.ppmlab.datasets.generator;

import io.ppmlab.datasets.AppRegistration;

import java.util.List;
import java.util.Map;

/**
 * What one generation produced, besides the rows it streamed.
 *
 * @param counts        rows per table, schema order
 * @param rowsSha256    digest of the canonical row stream ({@link CanonicalRowHash})
 * @param maxVersion    highest versionnumber written: a store must hand out versions above it
 * @param passwords     plain password by UPN (every generated user shares one; the loader hashes them)
 * @param resourceYears resources × horizon years: the denominator of capacity bytes per resource-year
 * @param timingsMs     milliseconds per phase (planning and each row phase)
 */
public record GenerationResult(Settings settings, Map<String, Long> counts, long totalRows, String rowsSha256, long maxVersion,
                               Map<String, String> passwords, List<AppRegistration> appRegistrations, double resourceYears,
                               Map<String, Long> timingsMs) {
    public GenerationResult {
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
        passwords = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(passwords));
        appRegistrations = List.copyOf(appRegistrations);
        timingsMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timingsMs));
    }
}
