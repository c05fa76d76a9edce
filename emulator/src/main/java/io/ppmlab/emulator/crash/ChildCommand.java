package io.ppmlab.emulator.crash;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of an emulator process for the crash loop: this JVM's java binary and class path (the test
 * classpath or the emulator jar), the Chronicle flags, {@code serve --port 0} on the data directory with the demo
 * dataset (loaded only while the directory is empty).
 */
record ChildCommand(String java, String classPath, String heap, Path dataDir) {
    /**
     * What the jar's manifest grants ({@code Add-Opens}/{@code Add-Exports}), spelled out because a {@code -cp}
     * launch does not read the manifest; the same list as the root pom's {@code chronicle.jvm.flags}.
     */
    static final List<String> CHRONICLE_FLAGS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "-Dchronicle.analytics.disable=true");

    static ChildCommand of(Path dataDir, String heap) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ChildCommand(java, System.getProperty("java.class.path"), heap, dataDir);
    }

    List<String> line() {
        String tmp = System.getProperty("java.io.tmpdir");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(CHRONICLE_FLAGS);
        cmd.addAll(List.of("-Djava.io.tmpdir=" + tmp, "-Djna.tmpdir=" + tmp, "-Xmx" + heap, "-cp", classPath,
                "io.ppmlab.emulator.cli.LabCommand", "serve", "--port", "0", "--data-dir", dataDir.toString(), "--dataset", "demo"));
        return cmd;
    }
}
