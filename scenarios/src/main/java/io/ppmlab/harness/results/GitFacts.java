package io.ppmlab.harness.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The commit a run measured and whether the work tree had changes (then the commit alone does not say what ran). */
record GitFacts(String commit, Boolean dirty) {
    static GitFacts of(Path home) {
        String commit = git(home, "rev-parse", "HEAD");
        String status = git(home, "status", "--porcelain", "--untracked-files=no");
        return new GitFacts(commit, status == null ? null : !status.isBlank());
    }

    private static String git(Path home, String... args) {
        try {
            String[] cmd = new String[args.length + 3];
            cmd[0] = "git";
            cmd[1] = "-C";
            cmd[2] = home.toString();
            System.arraycopy(args, 0, cmd, 3, args.length);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
