package io.ppmlab.reports.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the commands work in: {@code LAB_ROOT} (set by ./lab), else the nearest folder above with a ./lab script. */
final class LabRoot {
    private LabRoot() {}

    static Path find() {
        String env = System.getenv("LAB_ROOT");
        if (env != null && !env.isBlank()) return Path.of(env).toAbsolutePath().normalize();
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("lab")) && Files.isRegularFile(p.resolve("pom.xml"))) return p;
        }
        return dir;
    }
}
