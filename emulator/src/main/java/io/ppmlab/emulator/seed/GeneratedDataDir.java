package io.ppmlab.emulator.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.datasets.generator.GenerationResult;
import io.ppmlab.datasets.generator.Knobs;
import io.ppmlab.datasets.generator.Manifest;
import io.ppmlab.datasets.generator.OrganisationGenerator;
import io.ppmlab.datasets.generator.RowSink;
import io.ppmlab.emulator.access.SecurityModelLoader;
import io.ppmlab.emulator.store.ChronicleStore;
import io.ppmlab.emulator.store.Durability;
import io.ppmlab.emulator.store.StoreOptions;
import io.ppmlab.roles.RoleCatalog;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Generates an organisation straight into an emulator data directory through the emulator's own
 * {@link ChronicleStore} (same encoding and files as a running emulator), then writes the credentials, the
 * version sequence, {@code personas.json} and {@code manifest.json}. The emulator opens the result as its own.
 */
public final class GeneratedDataDir {
    public static final String MANIFEST = "manifest.json";
    public static final String PERSONAS = "personas.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /**
     * Smallest sizing of a table (rows before bloat; a table grows to 10x its sizing). The store's default is
     * 100,000 and creating a map costs time in proportion: 45 maps at 100,000 took 11-15 s to create here, at
     * 10,000 about 2.5 s.
     */
    private static final long MIN_ENTRIES = 10_000;

    private GeneratedDataDir() {}

    /** Where a generation reports progress (the CLI draws bars; the server logs a line per phase). */
    public interface Progress {
        void phase(String name, long expectedRows);

        void advance(long rows);

        /** A step outside the row phases (personas, reopen check) starts. */
        default void step(String name) {}

        void finished();

        static Progress none() {
            return new Progress() {
                public void phase(String name, long expectedRows) {}
                public void advance(long rows) {}
                public void finished() {}
            };
        }

        static Progress logging(Consumer<String> log) {
            return new Progress() {
                public void phase(String name, long expectedRows) { log.accept(String.format("  %s: %,d rows", name, expectedRows)); }
                public void advance(long rows) {}
                public void step(String name) { log.accept("  " + name); }
                public void finished() {}
            };
        }
    }

    /**
     * @param chunkRows       rows per {@code Store.apply}
     * @param personasPerRole holders of each shipped role sampled into personas.json
     * @param reopenCheck     after writing, close and reopen the store (and load its security model) and time it
     * @param averageRowBytes Chronicle's average value size for the new tables (the store's default is 256)
     */
    public record Options(int chunkRows, int personasPerRole, boolean reopenCheck, double averageRowBytes) {
        public static Options defaults() { return new Options(5_000, 3, true, StoreOptions.defaults().averageValueSize()); }

        public Options withReopenCheck(boolean check) { return new Options(chunkRows, personasPerRole, check, averageRowBytes); }
    }

    /** One table's figures after the write. */
    public record TableFigures(String table, long rows, long bytesUsed) {}

    /**
     * What a generation wrote and measured. Times in milliseconds; {@code diskBytes} is {@code du}'s figure
     * (-1 where {@code du} is unavailable), {@code fileBytes} the files' apparent (sparse) size.
     */
    public record Report(GenerationResult result, List<TableFigures> tables, long writeMs, long personasMs, long reopenMs,
                         long totalMs, long fileBytes, long diskBytes, int personas, Path manifest, Path personasFile) {
        public long bytesUsed() { return tables.stream().mapToLong(TableFigures::bytesUsed).sum(); }

        /** Real store bytes of the capacity table per resource per capacity year (0 without capacity). */
        public double capacityBytesPerResourceYear() {
            long bytes = tables.stream().filter(t -> t.table().equals("sensei_resourcecapacity")).mapToLong(TableFigures::bytesUsed).sum();
            return result.resourceYears() == 0 ? 0 : bytes / result.resourceYears();
        }
    }

    /** True when the data directory already has table files (a store was written here). */
    public static boolean holdsData(Path dataDir) {
        Path tables = dataDir.resolve("tables");
        if (!Files.isDirectory(tables)) return false;
        try (Stream<Path> files = Files.list(tables)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".cmap"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Store options of a generation: every table sized for its rows plus 10% (shares, which are only estimated,
     * twice the estimate), at least {@value #MIN_ENTRIES}, so Chronicle lets each grow to 10 times that before it
     * refuses writes; {@code averageRowBytes} as Chronicle's average value size; and no journal
     * ({@link Durability#NONE}): a bulk load that is cut short is redone into a new directory, not recovered,
     * and journaling every chunk wrote each row twice. Later opens use the emulator's own durability.
     */
    public static StoreOptions storeOptions(Map<String, Long> expected, Schema schema, double averageRowBytes) {
        StoreOptions defaults = StoreOptions.defaults();
        StoreOptions options = new StoreOptions(defaults.defaultEntries(), Map.of(), averageRowBytes, defaults.maxBloatFactor(),
                defaults.sparseFiles()).withDurability(Durability.NONE);
        for (io.ppmlab.schema.Table t : schema.tables()) {
            long n = expected.getOrDefault(t.logicalName(), 0L);
            if (t.logicalName().equals("principalobjectaccess")) n *= 2;
            options = options.withEntries(t.logicalName(), Math.max(MIN_ENTRIES, n + n / 10 + 1_000));
        }
        return options;
    }

    public static Report write(OrganisationGenerator.Generation generation, Knobs knobs, Path dataDir, Schema schema,
                               Options options, Progress progress) {
        if (holdsData(dataDir)) throw new IllegalStateException("data directory " + dataDir + " already holds tables: give an empty one");
        long t0 = System.nanoTime();
        long seed = generation.settings().seed();
        RowSampler sampler = new RowSampler(seed);
        GenerationResult result;
        List<TableFigures> tables = new ArrayList<>();
        long writeMs;
        long personasMs;
        int personaCount;
        Path personasFile = dataDir.resolve(PERSONAS);
        try (ChronicleStore store = new ChronicleStore(dataDir, schema, storeOptions(generation.expectedCounts(), schema, options.averageRowBytes()))) {
            ChunkWriter writer = new ChunkWriter(store, options.chunkRows());
            result = generation.run(sampler.then(new Counting(progress)).then(writer));
            writeMs = ms(t0);
            for (Map.Entry<String, Long> e : result.counts().entrySet()) {
                long stored = store.count(e.getKey());
                if (stored != e.getValue()) {
                    throw new IllegalStateException(e.getKey() + ": generated " + e.getValue() + " rows but the store holds " + stored
                            + " (two rows with one id?)");
                }
                tables.add(new TableFigures(e.getKey(), stored, store.bytesUsed(e.getKey())));
            }
            DatasetLoader.writeCredentials(result.passwords(), result.appRegistrations(), DemoOrganisation.TENANT_ID, dataDir);
            DatasetLoader.advanceVersions(dataDir, result.maxVersion());
            progress.step("personas (reference evaluator)");
            long p0 = System.nanoTime();
            List<PersonaSampler.Persona> personas = new PersonaSampler(store, schema, sampler, seed).sample(options.personasPerRole());
            writePersonas(personasFile, result, personas);
            personasMs = ms(p0);
            personaCount = personas.size();
        }
        long reopenMs = -1;
        if (options.reopenCheck()) {
            progress.step("reopen check");
            long r0 = System.nanoTime();
            try (ChronicleStore again = new ChronicleStore(dataDir, schema, StoreOptions.defaults())) {
                new SecurityModelLoader(RoleCatalog.loadDefault()).load(again, 1);
                reopenMs = ms(r0);
            }
        }
        progress.finished();
        long fileBytes = fileBytes(dataDir);
        long diskBytes = diskBytes(dataDir);
        Path manifestFile = dataDir.resolve(MANIFEST);
        Report report = new Report(result, tables, writeMs, personasMs, reopenMs, ms(t0), fileBytes, diskBytes, personaCount, manifestFile,
                personasFile);
        manifest(report, knobs).write(manifestFile);
        return report;
    }

    private static Manifest manifest(Report r, Knobs knobs) {
        Map<String, Object> perTable = new LinkedHashMap<>();
        r.tables().forEach(t -> perTable.put(t.table(), Map.of("rows", t.rows(), "bytesUsed", t.bytesUsed())));
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("about", "bytesUsed: Chronicle chunks the rows occupy (ChronicleStore.bytesUsed); fileBytes: apparent size of the "
                + "data directory's files (sparse); diskBytes: du's allocated size, -1 if unknown");
        storage.put("bytesUsed", r.bytesUsed());
        storage.put("fileBytes", r.fileBytes());
        storage.put("diskBytes", r.diskBytes());
        storage.put("capacityBytesPerResourceYear", Math.round(r.capacityBytesPerResourceYear()));
        storage.put("tables", perTable);
        Map<String, Object> timings = new LinkedHashMap<>(r.result().timingsMs());
        timings.put("generateAndWrite", r.writeMs());
        timings.put("personas", r.personasMs());
        timings.put("reopen", r.reopenMs());
        timings.put("total", r.totalMs());
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return Manifest.of(r.result(), knobs).run("timingsMs", timings).run("storage", storage).run("machine", machine)
                .run("personas", r.personas());
    }

    private static void writePersonas(Path file, GenerationResult result, List<PersonaSampler.Persona> personas) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("about", "Personas for load scenarios: each user's UPN, roles and business unit, and rows they can read, can write "
                + "and cannot read, as decided by the reference evaluator (security/ReferenceEvaluator) over the stored security model. "
                + "Every user's password is given below.");
        doc.put("profile", result.settings().profile());
        doc.put("seed", result.settings().seed());
        doc.put("password", OrganisationGenerator.PASSWORD);
        doc.put("rowsSha256", result.rowsSha256());
        doc.put("personas", personas);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static long fileBytes(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    /** {@code du -sk}: what the sparse files really take on disk. */
    private static long diskBytes(Path dir) {
        try {
            Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
            String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!du.waitFor(30, TimeUnit.SECONDS) || du.exitValue() != 0) return -1;
            return Long.parseLong(out.split("\\s+")[0]) * 1024;
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static long ms(long since) { return (System.nanoTime() - since) / 1_000_000; }

    /** Reports progress every few thousand rows and at phase changes. */
    private static final class Counting implements RowSink {
        private static final int STEP = 4_096;
        private final Progress progress;
        private long pending;

        Counting(Progress progress) { this.progress = progress; }

        @Override
        public void accept(Row row) {
            if (++pending == STEP) {
                progress.advance(pending);
                pending = 0;
            }
        }

        @Override
        public void phase(String name, long expectedRows) {
            flush();
            progress.phase(name, expectedRows);
        }

        @Override
        public void finish() { flush(); }

        private void flush() {
            if (pending > 0) progress.advance(pending);
            pending = 0;
        }
    }
}
