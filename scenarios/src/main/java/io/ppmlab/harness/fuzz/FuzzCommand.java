package io.ppmlab.harness.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ppmlab.harness.run.EmulatorProcess;
import io.ppmlab.schema.SchemaLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code lab fuzz}: a bounded HTTP-level fuzzer. Starts its own emulator on loopback (the demo organisation in a
 * fresh data directory, service protection off so that every request reaches the pipeline) unless given
 * {@code --emulator-url}, sends seeded mutated requests for {@code --seconds}, writes {@code fuzz.json} into the out
 * folder and prints the summary. Exit 0 when nothing failed, 1 otherwise.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Send seeded, mutated requests (query options, FetchXML, JSON bodies, $batch bodies, headers, keys and escapes, every method)"
                + " to an emulator and check: no 5xx, Dataverse-shaped errors under /api/data, no hang, refused writes change no row,"
                + " the emulator still answers. Writes fuzz.json; exit 1 on any failure."})
public final class FuzzCommand implements Callable<Integer> {
    @Option(names = "--seconds", defaultValue = "60", description = "How long to send requests. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--seed", description = "Seed of the generated requests (the same seed sends the same requests to the same organisation). Default: the clock.")
    Long seed;

    @Option(names = "--emulator-url", description = "Fuzz this running emulator (with the demo users) instead of starting one.")
    String emulatorUrl;

    @Option(names = "--out", description = "Folder for fuzz.json and the emulator's log and data. Default: target/lab-fuzz/<seed>.")
    Path out;

    @Option(names = "--timeout-ms", defaultValue = "10000", description = "An answer slower than this is a hang. Default: ${DEFAULT-VALUE}.")
    long timeoutMs;

    @Option(names = "--heap", defaultValue = "512m", description = "-Xmx of the emulator it starts. Default: ${DEFAULT-VALUE}.")
    String heap;

    @Override
    public Integer call() throws Exception {
        long s = seed != null ? seed : System.currentTimeMillis();
        Path home = Path.of(System.getProperty("lab.home", ".")).toAbsolutePath().normalize();
        Path folder = out != null ? out : home.resolve("target/lab-fuzz/" + s);
        Files.createDirectories(folder);
        FuzzReport report;
        if (emulatorUrl != null) {
            report = fuzz(emulatorUrl, s);
        } else {
            Path data = folder.resolve("data");
            if (Files.exists(data)) io.ppmlab.emulator.store.snapshot.DataSnapshot.deleteTree(data);
            Files.createDirectories(data);
            Path jar = Path.of(System.getProperty("lab.emulatorJar", home.resolve("emulator/target/emulator.jar").toString()));
            List<String> command = EmulatorProcess.command(jar, data, heap, Path.of(System.getProperty("java.io.tmpdir")),
                    List.of("--dataset", "demo", "--service-protection", "off"));
            try (EmulatorProcess emulator = EmulatorProcess.start(command, folder.resolve("emulator.log"), Duration.ofMinutes(3))) {
                System.out.println("emulator on " + emulator.baseUrl() + " (log " + folder.resolve("emulator.log") + ")");
                report = fuzz(emulator.baseUrl(), s);
            }
        }
        Path json = folder.resolve("fuzz.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        System.out.print(report.summary());
        System.out.println("report: " + json);
        return report.passed() ? 0 : 1;
    }

    private FuzzReport fuzz(String baseUrl, long s) {
        HttpFuzzer.Settings settings = new HttpFuzzer.Settings(baseUrl, s, Duration.ofSeconds(seconds), Duration.ofMillis(timeoutMs));
        return new HttpFuzzer(settings, SchemaLoader.loadDefault(), System.out::println).run();
    }
}
