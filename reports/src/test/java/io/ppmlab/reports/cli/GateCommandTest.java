package io.ppmlab.reports.cli;

import io.ppmlab.reports.Fixtures;
import io.ppmlab.reports.Mutations;
import io.ppmlab.reports.ReportsMain;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate's command line end to end: exit codes 0 / 1 / 2, gate.json, the report's gate section, baselines, A/B. */
class GateCommandTest {
    @TempDir
    Path tmp;

    private static int lab(Object... args) {
        List<String> a = new ArrayList<>();
        for (Object o : args) a.add(o.toString());
        return ReportsMain.commandLine().execute(a.toArray(String[]::new));
    }

    private Path copyOf(String fixture) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve(fixture));
        Files.copy(Fixtures.path(fixture).resolve("results.json"), folder.resolve("results.json"), StandardCopyOption.REPLACE_EXISTING);
        return folder;
    }

    private Path baseline() {
        Path file = tmp.resolve("baselines/smoke.json");
        assertThat(lab("gate", "--update-baseline", "--baseline-file", file,
                Fixtures.path("smoke-1"), Fixtures.path("smoke-2"), Fixtures.path("smoke-3"))).isZero();
        return file;
    }

    @Test
    void passWritesGateJsonAndTheReportsGateSection() throws Exception {
        Path run = copyOf("smoke-4");
        assertThat(lab("gate", run, "--baseline", baseline())).isEqualTo(0);
        ObjectNode gate = (ObjectNode) new ObjectMapper().readTree(run.resolve("gate.json").toFile());
        assertThat(gate.get("exitCode").asInt()).isZero();
        assertThat(gate.get("judgements").size()).isGreaterThan(50);
        assertThat(Files.readString(run.resolve("report.html"))).contains("id=\"gate\"", ">PASS<".toLowerCase());
    }

    @Test
    void regressionExitsOne() throws Exception {
        Path run = copyOf("smoke-regressed");
        assertThat(lab("gate", run, "--baseline", baseline())).isEqualTo(1);
        assertThat(Files.readString(run.resolve("gate.json"))).contains("\"REGRESSION\"", "server/pm.projects.list/rowsRead");
    }

    @Test
    void anEarlierResultsJsonServesAsBaseline() throws Exception {
        assertThat(lab("gate", copyOf("smoke-4"), "--baseline", Fixtures.path("smoke-1").resolve("results.json"))).isEqualTo(0);
        assertThat(lab("gate", copyOf("smoke-regressed"), "--baseline", Fixtures.path("smoke-1"))).isEqualTo(1);
    }

    @Test
    void unusableInputExitsTwoAndSaysWhy() throws Exception {
        Path base = baseline();
        assertThat(lab("gate", copyOf("smoke-4"), "--baseline", tmp.resolve("nothing.json"))).isEqualTo(2);
        assertThat(Files.readString(tmp.resolve("smoke-4/gate.json"))).contains("no baseline at");

        Path malformed = Files.createDirectories(tmp.resolve("malformed"));
        Files.writeString(malformed.resolve("results.json"), "{\"schema\": \"ppm-lab/results/1\", \"run\": ");
        assertThat(lab("gate", malformed, "--baseline", base)).isEqualTo(2);
        assertThat(Files.readString(malformed.resolve("gate.json"))).contains("malformed results file");

        Path otherSuite = Mutations.copy("smoke-4", tmp, "other", r -> ((ObjectNode) r.get("run")).put("suite", "load"));
        assertThat(lab("gate", otherSuite, "--baseline", base)).isEqualTo(2);
        assertThat(Files.readString(otherSuite.resolve("gate.json"))).contains("different suite");

        assertThat(lab("gate", copyOf("smoke-5"))).isEqualTo(2);
        assertThat(lab("gate", copyOf("smoke-5"), "--baseline", base, "--no-such-option")).isEqualTo(2);
        assertThat(lab("gate", tmp.resolve("absent"), "--baseline", base)).isEqualTo(2);
    }

    @Test
    void abInterleavesABuiltRefAndTheWorkingTreeAndCatchesASlowerPersona() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path slow = Files.createDirectories(tmp.resolve("slow"));
        for (int i = 1; i <= 3; i++) {
            Path folder = Mutations.copy("smoke-" + i, slow, "slow-" + i, Mutations.slower("pmo-executive", 2.0));
            assertThat(folder).exists();
        }
        // a checkout whose ./lab "runs" a suite by copying the fixture of the round (out folders end in -<round>)
        writeLab(repo, Fixtures.path("smoke-1").getParent().toString(), "smoke");
        git(repo, "init", "-q");
        git(repo, "add", "lab");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "base");
        // A/A: the working tree is the base
        Path same = tmp.resolve("ab-same");
        assertThat(lab("gate", same, "--against", "HEAD", "--rounds", "3", "--root", repo)).isEqualTo(0);
        assertThat(Files.readString(same.resolve("gate.json"))).contains("\"mode\" : \"ab\"", "interleaved pairs");
        assertThat(same.resolve("a-3/results.json")).exists();
        assertThat(same.resolve("b-3/results.json")).exists();
        // the candidate (uncommitted) is twice as slow for one persona
        writeLab(repo, slow.toString(), "slow");
        Path slower = tmp.resolve("ab-slow");
        assertThat(lab("gate", slower, "--against", "HEAD", "--rounds", "3", "--root", repo)).isEqualTo(1);
        assertThat(Files.readString(slower.resolve("gate.json"))).contains("personas/pmo-executive/mean");
        // the base's worktree is removed afterwards
        assertThat(repo.resolve("target/ab-worktrees")).isEmptyDirectory();
        // one round is too few samples
        assertThat(lab("gate", tmp.resolve("ab-one"), "--against", "HEAD", "--rounds", "1", "--root", repo)).isEqualTo(2);
        assertThat(lab("gate", tmp.resolve("ab-bad"), "--against", "no-such-ref", "--root", repo)).isEqualTo(2);
    }

    private static void writeLab(Path repo, String fixtures, String prefix) throws Exception {
        Path lab = repo.resolve("lab");
        Files.writeString(lab, "#!/bin/sh\n# run --suite S --out DIR\nout=\"$5\"; i=\"${out##*-}\"\nmkdir -p \"$out\"\n"
                + "cp \"" + fixtures + "/" + prefix + "-$i/results.json\" \"$out/results.json\"\n");
        Files.setPosixFilePermissions(lab, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }
}
