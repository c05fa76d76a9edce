package io.ppmlab.datasets.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code manifest.json} of a generated data directory. Two sections: {@code content} is decided by the
 * effective settings alone (profile with knobs and seed applied, rows per table, the row-stream SHA-256) and is what
 * {@link #contentSha256()} digests, so equal inputs give equal digests; {@code run} holds what a run
 * measured (the knobs as given, timings, storage figures, machine) and differs between runs.
 */
public final class Manifest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> content = new LinkedHashMap<>();
    private final Map<String, Object> run = new LinkedHashMap<>();

    public static Manifest of(GenerationResult result, Knobs knobs) {
        Manifest m = new Manifest();
        m.content.put("profile", result.settings().profile());
        m.content.put("seed", result.settings().seed());
        m.content.put("settings", result.settings().describe());
        m.content.put("totalRows", result.totalRows());
        m.content.put("rowsSha256", result.rowsSha256());
        m.content.put("rows", result.counts());
        m.content.put("users", result.passwords().size());
        Map<String, Integer> byRole = new LinkedHashMap<>();
        for (String upn : result.passwords().keySet()) {
            String local = upn.substring(0, upn.indexOf('@'));
            // <slug>.<nnnn>@... counts under its slug; a named user (admin@contoso.test, the demo's) under its UPN.
            byRole.merge(local.contains(".") ? local.substring(0, local.indexOf('.')) : upn, 1, Integer::sum);
        }
        m.content.put("usersByUpnPrefix", byRole);
        m.content.put("upnPattern", "<role slug>.<nnnn>@contoso.test, e.g. projectuser.0001@contoso.test; plus admin@contoso.test");
        m.content.put("resourceYears", result.resourceYears());
        m.run.put("knobs", knobs.given());
        m.run.put("timingsMs", result.timingsMs());
        return m;
    }

    public Map<String, Object> content() { return java.util.Collections.unmodifiableMap(content); }

    /** Adds a measured figure to the {@code run} section. */
    public Manifest run(String key, Object value) {
        run.put(key, value);
        return this;
    }

    /** SHA-256 of the content section's JSON: the determinism check. */
    public String contentSha256() {
        try {
            byte[] bytes = JSON.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("content", content);
        m.put("contentSha256", contentSha256());
        m.put("run", run);
        return m;
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), toMap());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
