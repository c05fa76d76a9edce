package io.ppmlab.emulator.seed;

import io.ppmlab.datasets.AppRegistration;
import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.datasets.Organisation;
import io.ppmlab.datasets.generator.Knobs;
import io.ppmlab.datasets.generator.OrganisationGenerator;
import io.ppmlab.datasets.generator.Profile;
import io.ppmlab.emulator.auth.CredentialFile;
import io.ppmlab.emulator.auth.PasswordHash;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Loads a dataset profile into an empty data directory: rows into the store, secrets into the credential file.
 * {@code demo} is built in memory and loaded into the open store ({@link #build}, {@link #load}); every other
 * profile is streamed by the generator straight into the data directory before the emulator opens it
 * ({@link #generateIfEmpty}), because its tables must be sized from the generator's counts when they are created.
 */
public final class DatasetLoader {
    private static final int CHUNK = 5_000;
    private static final String IN_MEMORY_PROFILE = "demo";

    private DatasetLoader() {}

    /** True when the store holds no users: nothing was ever loaded here. */
    public static boolean isEmpty(Store store) { return store.count("systemuser") == 0; }

    public static Organisation build(String profile, Schema schema) {
        return switch (profile) {
            case "demo" -> DemoOrganisation.build(schema);
            default -> throw new IllegalArgumentException("unknown dataset profile '" + profile + "' (known: "
                    + String.join(", ", Profile.SHIPPED) + "; profiles other than demo are generated before the store opens)");
        };
    }

    public static void load(Organisation organisation, UUID tenantId, Store store, Path dataDir) {
        List<Mutation> chunk = new ArrayList<>(CHUNK);
        for (Row row : organisation.rows()) {
            chunk.add(new Mutation.Put(row));
            if (chunk.size() == CHUNK) {
                store.apply(chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) store.apply(chunk);
        writeCredentials(organisation.passwords(), organisation.appRegistrations(), tenantId, dataDir);
    }

    /**
     * For a generated profile (anything but demo) and a data directory holding no tables: generates the
     * profile into it (tables, credentials, manifest.json, personas.json), so that the emulator then opens it
     * as its own. The organisation's "today" is the emulator clock's date (as {@code generate --as-of today}),
     * so the capacity rows already cover the horizon the emulator keeps and nothing is rolled at start.
     * Does nothing for demo, for no profile, or when the directory already holds data.
     */
    public static void generateIfEmpty(Optional<String> profile, Path dataDir, Schema schema, Clock clock, Consumer<String> log) {
        if (profile.isEmpty() || profile.get().equals(IN_MEMORY_PROFILE) || GeneratedDataDir.holdsData(dataDir)) return;
        Knobs knobs = Knobs.none().withAsOf(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        OrganisationGenerator.Generation generation = OrganisationGenerator.prepare(profile.get(), knobs, schema);
        log.accept(String.format("generating dataset '%s' (%,d rows) into %s", profile.get(), generation.expectedTotal(), dataDir));
        GeneratedDataDir.Report report = GeneratedDataDir.write(generation, knobs, dataDir, schema,
                GeneratedDataDir.Options.defaults().withReopenCheck(false), GeneratedDataDir.Progress.logging(log));
        log.accept(String.format("generated dataset '%s': %,d rows in %,d ms; manifest %s", profile.get(),
                report.result().totalRows(), report.totalMs(), report.manifest()));
    }

    /**
     * Writes {@code identity/credentials.json}. PBKDF2 is slow on purpose, and generated organisations give
     * thousands of users one password: each distinct password is hashed once and its encoded hash (one salt)
     * reused for every user who has it. A lab trade-off: the file holds no plain text, but users who share a
     * password share a hash.
     */
    public static void writeCredentials(Map<String, String> passwords, List<AppRegistration> apps, UUID tenantId, Path dataDir) {
        Map<String, String> hashes = new HashMap<>();
        List<CredentialFile.UserSecret> users = new ArrayList<>();
        passwords.forEach((upn, password) -> users.add(new CredentialFile.UserSecret(upn,
                hashes.computeIfAbsent(password, p -> PasswordHash.of(p.toCharArray()).encoded()))));
        List<CredentialFile.AppSecret> appSecrets = new ArrayList<>();
        for (AppRegistration app : apps) {
            appSecrets.add(new CredentialFile.AppSecret(app.clientId().toString(), PasswordHash.of(app.secret().toCharArray()).encoded(),
                    app.systemUserId()));
        }
        new CredentialFile(tenantId, users, appSecrets).write(dataDir);
    }

    /**
     * Makes the emulator's version sequence ({@code <data-dir>/versionnumber}, the next number it hands out)
     * start above every loaded row's versionnumber, so loaded and new rows never share one.
     */
    static void advanceVersions(Path dataDir, long maxLoadedVersion) {
        Path file = dataDir.resolve("versionnumber");
        try {
            long current = Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : 0;
            if (current > maxLoadedVersion) return;
            Path tmp = file.resolveSibling("versionnumber.tmp");
            Files.writeString(tmp, Long.toString(maxLoadedVersion + 1));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
