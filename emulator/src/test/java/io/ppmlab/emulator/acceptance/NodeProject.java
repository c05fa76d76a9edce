package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Node project under {@code src/test/node} that holds the JavaScript clients: its packages are installed with
 * {@code npm ci} from the committed lock file once (kept in its {@code node_modules}), and its scripts run with a
 * time limit. Tests using it are skipped (assumption) when {@code node} or {@code npm} is not on the PATH.
 */
final class NodeProject {
    private static final Path DIR = Path.of(System.getProperty("basedir", ".")).resolve("src/test/node").toAbsolutePath();

    private final Path node;
    private final Path npm;

    private NodeProject(Path node, Path npm) {
        this.node = node;
        this.npm = npm;
    }

    /** The project with its locked packages installed; skips the calling test when Node.js is absent. */
    static NodeProject installed() throws IOException, InterruptedException {
        Optional<Path> node = onPath("node");
        Optional<Path> npm = onPath("npm");
        assumeTrue(node.isPresent() && npm.isPresent(),
                "JavaScript client tests skipped: node and npm are not on the PATH (apt-get install -y nodejs npm; .ci/run installs them)");
        NodeProject project = new NodeProject(node.get(), npm.get());
        if (!project.upToDate()) {
            Run ci = project.run(List.of(npm.get().toString(), "ci", "--no-audit", "--no-fund", "--ignore-scripts"), 180, false);
            if (ci.exit() != 0) throw new AssertionError("npm ci failed in " + DIR + " (exit " + ci.exit() + "):\n" + ci.stderr());
        }
        return project;
    }

    /** Runs {@code node <script> <args...>} in the project; proxies are dropped, the emulator is on loopback. */
    Run script(String script, List<String> args, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(node.toString(), script));
        command.addAll(args);
        return run(command, timeoutSeconds, true);
    }

    record Run(int exit, String stdout, String stderr) {}

    /** Every locked package is in node_modules at its locked version (what npm ci would produce). */
    private boolean upToDate() throws IOException {
        Path lock = DIR.resolve("package-lock.json");
        JsonNode packages = LabHttp.JSON.readTree(lock.toFile()).path("packages");
        for (var it = packages.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().isEmpty()) continue;
            Path manifest = DIR.resolve(e.getKey()).resolve("package.json");
            if (!Files.isRegularFile(manifest)) return false;
            String installed = LabHttp.JSON.readTree(manifest.toFile()).path("version").asText();
            if (!installed.equals(e.getValue().path("version").asText())) return false;
        }
        return true;
    }

    private Run run(List<String> command, int timeoutSeconds, boolean withoutProxies) throws IOException, InterruptedException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        Path out = Files.createTempFile(tmp, "node-out-", ".txt");
        Path err = Files.createTempFile(tmp, "node-err-", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(DIR.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        if (withoutProxies) {
            // DynamicsWebApi sends requests through $http_proxy when it is set, even to 127.0.0.1
            pb.environment().keySet().removeIf(k -> k.equalsIgnoreCase("http_proxy") || k.equalsIgnoreCase("https_proxy"));
        }
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
