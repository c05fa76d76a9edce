package io.ppmlab.harness.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The data directories {@code measure} and {@code crash} run in: a given one must be empty or new, so a measurement
 * never starts from someone's data (a temporary one is removed with {@code DataSnapshot.deleteTree}).
 */
public final class ScratchDirectories {
    private ScratchDirectories() {}

    /** Whether {@code dir} holds anything (false when it does not exist). */
    public static boolean holdsFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }
}
