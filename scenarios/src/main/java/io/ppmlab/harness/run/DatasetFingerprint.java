package io.ppmlab.harness.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What a cached organisation depends on besides its knobs: the generator and schema (the datasets module) and the
 * store's row format (the emulator's {@code store} package). Their contents, not their files' dates, are hashed, so a
 * rebuild of the same code reuses the cache and a change to the schema or the row encoding generates anew (an
 * organisation written by an older schema cannot be read by a newer store).
 */
final class DatasetFingerprint {
    private DatasetFingerprint() {}

    static String of() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            digest(sha, location(io.ppmlab.datasets.DemoOrganisation.class), "");
            digest(sha, location(io.ppmlab.emulator.store.snapshot.DataSnapshot.class), "io/ppmlab/emulator/store/");
            return HexFormat.of().formatHex(sha.digest()).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every entry under {@code prefix} of a jar or class directory, in name order: name and bytes. */
    private static void digest(MessageDigest sha, Path where, String prefix) {
        Map<String, byte[]> entries = new TreeMap<>();
        try {
            if (Files.isDirectory(where)) {
                try (Stream<Path> walk = Files.walk(where)) {
                    for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                        String name = where.relativize(p).toString().replace('\\', '/');
                        if (name.startsWith(prefix)) entries.put(name, Files.readAllBytes(p));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                        if (e.isDirectory() || !e.getName().startsWith(prefix) || e.getName().startsWith("META-INF/")) continue;
                        try (InputStream in = jar.getInputStream(e)) {
                            entries.put(e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fingerprint " + where, e);
        }
        entries.forEach((name, bytes) -> {
            sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(bytes);
        });
    }
}
