package io.ppmlab.harness.run;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code run}: the lab's main job (see README, "Running the lab"). Every option has a default; none is needed. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Prepare an organisation, start the emulator, drive the persona scenarios in Gatling, and give a verdict on every "
                + "documented limit. Writes <out>/results.json; exit 0 only when everything measured holds."})
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--suite", defaultValue = "limits", description = "limits (default), smoke, load, soak or scale.")
    String suite;

    @Option(names = "--users", description = "Virtual users: load/soak concurrent users (default 100); others multiply the fixed mix (default 1).")
    Integer users;

    @Option(names = "--rate", description = "load/soak: total requests per second (default 20 per user, Dataverse's per-user ceiling; soak 70 %% of it).")
    Double rate;

    @Option(names = "--duration", description = "load/soak: how long the users hold (ISO-8601 or e.g. 60s, 30m). Defaults: load 60s, soak 30m.")
    String duration;

    @Option(names = "--warm-up", description = "load/soak: how long the mix runs before the measured --duration; its response times stay out of "
            + "the percentiles and the assertions, its errors do not (e.g. 15s, 0s). Default: 15s.")
    String warmUp;

    @Option(names = "--profile", description = "Generated profile to run on (default: the suite's: limits; smoke uses a small limits organisation).")
    String profile;

    @Option(names = "--data-dir", description = "Run on this generated organisation instead (copied per run, never written).")
    Path dataDir;

    @Option(names = "--emulator-url", description = "Run against an emulator already running (give its --data-dir too, for personas.json).")
    String emulatorUrl;

    @Option(names = "--out", description = "Results folder (default target/lab-runs/<timestamp>-<suite>).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the organisation. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--points", split = ",", description = "scale: projects per organisation (default 1000,5000,10000,20000).")
    List<Long> points;

    @Option(names = "--personas-per-role", defaultValue = "12", description = "Users sampled into personas.json per role. Default: ${DEFAULT-VALUE}.")
    int personasPerRole;

    @Option(names = "--emulator-heap", defaultValue = "2g", description = "The emulator's -Xmx. Default: ${DEFAULT-VALUE}.")
    String heap;

    @Option(names = "--serve-arg", description = "Extra option for the emulator's serve (repeatable), e.g. --serve-arg=--service-protection=off.")
    List<String> serveArgs = new ArrayList<>();

    @Option(names = "--regenerate", description = "Generate the organisation again even when it is cached.")
    boolean regenerate;

    @Option(names = "--keep-data", description = "Keep the run's copy of the organisation (<out>/data) for inspection.")
    boolean keepData;

    @Override
    public Integer call() {
        RunSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            System.err.println("lab run: " + e.getMessage());
            return LabRun.BAD_INPUT;
        }
        return new LabRun(settings, Console.system()).execute();
    }

    RunSettings settings() {
        Suite s = Suite.parse(suite);
        Path home = Path.of(System.getProperty("lab.home", ".")).toAbsolutePath().normalize();
        Path jar = Path.of(System.getProperty("lab.emulatorJar", home.resolve("emulator/target/emulator.jar").toString()));
        if (emulatorUrl == null && !Files.isRegularFile(jar)) throw new IllegalArgumentException("no emulator jar at " + jar + " (build it: ./lab builds it)");
        if (emulatorUrl != null && dataDir == null) throw new IllegalArgumentException("--emulator-url needs --data-dir (the organisation it serves, for personas.json)");
        if (dataDir != null && !Files.isRegularFile(dataDir.resolve("personas.json"))) {
            throw new IllegalArgumentException("--data-dir " + dataDir + " is not a generated organisation (no personas.json): generate one with ./lab generate");
        }
        if (emulatorUrl != null && !emulatorUrl.matches("https?://[^/\\s]+/?")) throw new IllegalArgumentException("--emulator-url must be like http://127.0.0.1:5555");
        int u = users != null ? users : s.users;
        if (u < 1 || u > 10_000) throw new IllegalArgumentException("--users must be 1 to 10,000");
        double r = rate != null ? rate : u * 20.0 * (s == Suite.SOAK ? 0.7 : 1.0);
        if (r <= 0) throw new IllegalArgumentException("--rate must be positive");
        Duration d = duration != null ? parseDuration(duration, "--duration") : s.duration;
        Duration w = warmUp != null ? parseDuration(warmUp, "--warm-up") : s.paced() ? Duration.ofSeconds(15) : Duration.ZERO;
        if (!s.paced() && !w.isZero()) throw new IllegalArgumentException("--warm-up is for the load and soak suites");
        List<Long> p = points != null ? points : List.of(1_000L, 5_000L, 10_000L, 20_000L);
        if (p.size() < 2 || p.stream().anyMatch(x -> x < 10)) throw new IllegalArgumentException("--points needs at least two sizes of 10 projects or more");
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path o = (out != null ? out : home.resolve("target/lab-runs").resolve(stamp + "-" + s.label)).toAbsolutePath();
        return new RunSettings(s, u, r, d, w, profile != null ? profile : "limits", s.datasetKnobs, seed, personasPerRole, dataDir, emulatorUrl, o, p,
                heap, regenerate, keepData, home, jar, List.copyOf(serveArgs));
    }

    static Duration parseDuration(String text, String option) {
        try {
            if (text.startsWith("P") || text.startsWith("p")) {
                Duration d = Duration.parse(text.toUpperCase());
                if (d.isNegative()) throw new IllegalArgumentException();
                return d;
            }
            long n = Long.parseLong(text.substring(0, text.length() - 1));
            if (n < 0) throw new IllegalArgumentException();
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " takes e.g. 90s, 30m, 1h or PT30M, not '" + text + "'");
        }
    }
}
