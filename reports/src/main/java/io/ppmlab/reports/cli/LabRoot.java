package io.ppmlab.reports.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout the commands work in: the {@code lab.home} property (set by ./lab), else {@code LAB_ROOT}, else the
 * nearest folder above the working directory holding ./lab and pom.xml.
 */
final class LabRoot {
    private LabRoot() {}

    static Path find() {
        String home = System.getProperty("lab.home");
        if (home != null && !home.isBlank()) return Path.of(home).toAbsolutePath().normalize();
        String env = System.getenv("LAB_ROOT");
        if (env != null && !env.isBlank()) return Path.of(env).toAbsolutePath().normalize();
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("lab")) && Files.isRegularFile(p.resolve("pom.xml"))) return p;
        }
        return dir;
    }
}
