package io.ppmlab.reports.ab;

import io.ppmlab.reports.results.Results;
import io.ppmlab.reports.results.ResultsReader;
import io.ppmlab.reports.results.UnusableInput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A/B runs: checks the base ref out into its own git worktree (so its jars are built from its own sources), then
 * runs the base (A) and the candidate (B, the current checkout) interleaved, A B A B ..., each into its own results
 * folder, so slow drifts of a shared machine hit both builds alike.
 */
public final class AbRunner {
    private final Path candidate;
    private final SuiteRunner runner;

    public AbRunner(Path candidate, SuiteRunner runner) {
        this.candidate = candidate;
        this.runner = runner;
    }

    /** The runs of both builds, round by round. */
    public record Rounds(List<Results> base, List<Results> candidate, String baseCommit) {}

    public Rounds run(String ref, String suite, int rounds, Path out, boolean keepWorktree) {
        String sha = git(candidate, "rev-parse", "--verify", ref + "^{commit}");
        if (sha == null) throw new UnusableInput("unknown git ref '" + ref + "' in " + candidate);
        Path tree = candidate.resolve("target/ab-worktrees/" + sha.substring(0, 12));
        boolean added = false;
        if (!Files.isDirectory(tree)) {
            if (git(candidate, "worktree", "add", "--detach", tree.toString(), sha) == null) {
                throw new UnusableInput("cannot create a worktree of " + ref + " at " + tree);
            }
            added = true;
        }
        try {
            if (!Files.isRegularFile(tree.resolve("lab"))) throw new UnusableInput(ref + " has no ./lab launcher: it cannot run suites");
            ResultsReader reader = new ResultsReader();
            List<Results> a = new ArrayList<>();
            List<Results> b = new ArrayList<>();
            for (int i = 1; i <= rounds; i++) {
                a.add(one(reader, tree, suite, out.resolve("a-" + i), "base " + ref + " round " + i));
                b.add(one(reader, candidate, suite, out.resolve("b-" + i), "candidate round " + i));
            }
            return new Rounds(a, b, sha);
        } finally {
            if (added && !keepWorktree) git(candidate, "worktree", "remove", "--force", tree.toString());
        }
    }

    private Results one(ResultsReader reader, Path tree, String suite, Path out, String what) {
        System.err.println("[gate] " + what + " → " + out);
        int code = runner.run(tree, suite, out);
        if (!Files.isRegularFile(out.resolve(ResultsReader.FILE))) {
            throw new UnusableInput(what + " wrote no results.json (exit " + code + ")");
        }
        return reader.read(out);
    }

    private static String git(Path dir, String... args) {
        return Git.run(dir, args);
    }
}
