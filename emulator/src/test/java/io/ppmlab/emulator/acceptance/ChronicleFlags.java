package io.ppmlab.emulator.acceptance;

import java.lang.management.ManagementFactory;
import java.util.List;

/** The JVM flags of this test JVM that a child emulator process needs too (Chronicle's opens and exports). */
final class ChronicleFlags {
    private ChronicleFlags() {}

    static List<String> jvmFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("-Dchronicle") || a.startsWith("-Djna"))
                .toList();
    }
}
