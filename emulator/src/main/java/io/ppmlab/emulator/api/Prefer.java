package io.ppmlab.emulator.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parsed {@code Prefer} header: return=representation, odata.include-annotations, odata.maxpagesize,
 * odata.continue-on-error.
 */
public record Prefer(boolean returnRepresentation, List<String> annotationPatterns, Integer maxPageSize,
                     boolean continueOnError) {

    public static final Prefer NONE = new Prefer(false, List.of(), null, false);

    public static Prefer parse(String header) {
        if (header == null || header.isBlank()) return NONE;
        boolean representation = false;
        boolean continueOnError = false;
        Integer pageSize = null;
        List<String> annotations = new ArrayList<>();
        for (String part : splitOutsideQuotes(header)) {
            String p = part.trim();
            String lower = p.toLowerCase(Locale.ROOT);
            if (lower.equals("return=representation")) representation = true;
            else if (lower.equals("odata.continue-on-error")) continueOnError = true;
            else if (lower.startsWith("odata.maxpagesize=")) pageSize = parseIntOrNull(p.substring(p.indexOf('=') + 1));
            else if (lower.startsWith("odata.include-annotations=")) {
                String value = p.substring(p.indexOf('=') + 1).trim();
                if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) value = value.substring(1, value.length() - 1);
                for (String a : value.split(",")) if (!a.isBlank()) annotations.add(a.trim());
            }
        }
        return new Prefer(representation, List.copyOf(annotations), pageSize, continueOnError);
    }

    /** True when the client asked for the annotation (exact name, {@code *}, or a {@code prefix*} wildcard). */
    public boolean wantsAnnotation(String name) {
        for (String pattern : annotationPatterns) {
            if (pattern.equals("*") || pattern.equals(name)) return true;
            if (pattern.endsWith("*") && name.startsWith(pattern.substring(0, pattern.length() - 1))) return true;
        }
        return false;
    }

    private static Integer parseIntOrNull(String s) {
        try { return Integer.valueOf(s.trim()); } catch (NumberFormatException e) { return -1; }
    }

    private static List<String> splitOutsideQuotes(String header) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted) { parts.add(current.toString()); current.setLength(0); }
            else current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }
}
