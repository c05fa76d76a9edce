package io.ppmlab.emulator.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sign-in secrets of a data directory ({@code identity/credentials.json}): the tenant, each user's
 * password hash by UPN and each application's client-secret hash. Dataverse keeps no passwords; this
 * file stands in for Entra ID and holds only PBKDF2 hashes.
 */
public record CredentialFile(UUID tenantId, List<UserSecret> users, List<AppSecret> apps) {
    public static final String PATH = "identity/credentials.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public record UserSecret(String upn, String passwordHash) {}

    public record AppSecret(String clientId, String secretHash, UUID systemUserId) {}

    public CredentialFile {
        users = List.copyOf(users);
        apps = List.copyOf(apps);
    }

    public static Optional<CredentialFile> read(Path dataDir) {
        Path file = dataDir.resolve(PATH);
        if (!Files.exists(file)) return Optional.empty();
        try {
            return Optional.of(MAPPER.readValue(file.toFile(), CredentialFile.class));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path dataDir) {
        Path file = dataDir.resolve(PATH);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("credentials.json.tmp");
            MAPPER.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
