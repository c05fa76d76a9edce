package io.ppmlab.emulator.store;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM running a main class of this classpath with the Chronicle flags. */
final class ChildJvm {
    /** Used when this JVM was started without them (an IDE run): the root pom's chronicle.jvm.flags. */
    private static final List<String> FALLBACK_FLAGS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "-Dchronicle.analytics.disable=true");

    private ChildJvm() {}

    static List<String> command(String heap, Class<?> main, List<String> args) {
        String tmp = System.getProperty("java.io.tmpdir");
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(chronicleFlags());
        cmd.add("-Djava.io.tmpdir=" + tmp);
        cmd.add("-Djna.tmpdir=" + tmp);
        cmd.add("-Xmx" + heap);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(args);
        return cmd;
    }

    private static List<String> chronicleFlags() {
        List<String> mine = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports") || a.startsWith("-Dchronicle."))
                .toList();
        return mine.isEmpty() ? FALLBACK_FLAGS : mine;
    }
}
