package io.ppmlab.emulator.seed;

import io.ppmlab.datasets.AppRegistration;
import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.datasets.Organisation;
import io.ppmlab.emulator.auth.CredentialFile;
import io.ppmlab.emulator.auth.PasswordHash;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Loads a dataset profile into an empty data directory: rows into the store, secrets into the credential file. */
public final class DatasetLoader {
    private static final int CHUNK = 5_000;

    private DatasetLoader() {}

    /** True when the store holds no users: nothing was ever loaded here. */
    public static boolean isEmpty(Store store) { return store.count("systemuser") == 0; }

    public static Organisation build(String profile, Schema schema) {
        return switch (profile) {
            case "demo" -> DemoOrganisation.build(schema);
            default -> throw new IllegalArgumentException("unknown dataset profile '" + profile + "' (known: demo)");
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
        List<CredentialFile.UserSecret> users = new ArrayList<>();
        organisation.passwords().forEach((upn, password) ->
                users.add(new CredentialFile.UserSecret(upn, PasswordHash.of(password.toCharArray()).encoded())));
        List<CredentialFile.AppSecret> apps = new ArrayList<>();
        for (AppRegistration app : organisation.appRegistrations()) {
            apps.add(new CredentialFile.AppSecret(app.clientId().toString(), PasswordHash.of(app.secret().toCharArray()).encoded(), app.systemUserId()));
        }
        new CredentialFile(tenantId, users, apps).write(dataDir);
    }
}
