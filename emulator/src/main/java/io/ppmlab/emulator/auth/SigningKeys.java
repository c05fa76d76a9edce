package io.ppmlab.emulator.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

/**
 * The emulator's token-signing key: RSA 2048, made on first start and kept under the data
 * directory so tokens issued before a restart still verify after it. Only its public half leaves
 * this class ({@link #publicJwkSet()}).
 */
public final class SigningKeys {

    /** Where the private key lives, relative to the data directory. */
    public static final String KEY_FILE = "identity/signing-key.json";

    private static final int KEY_BITS = 2048;

    private final RSAKey key;
    private final JWSSigner signer;
    private final JWKSet publicSet;

    private SigningKeys(RSAKey key) {
        this.key = key;
        try {
            this.signer = new RSASSASigner(key);
        } catch (JOSEException | RuntimeException e) {
            throw new IllegalStateException("signing key has no usable private part", e);
        }
        this.publicSet = new JWKSet(key.toPublicJWK());
    }

    /** A fresh key that lives only as long as this object: for tests and throw-away servers. */
    public static SigningKeys inMemory() {
        return new SigningKeys(generate());
    }

    /** The key under {@code dataDir}, created (and written owner-only, atomically) if absent. */
    public static SigningKeys loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(KEY_FILE);
        if (Files.exists(file)) return new SigningKeys(read(file));
        RSAKey key = generate();
        Files.createDirectories(dataDir);
        createOwnerOnlyDirectory(file.getParent());
        write(file, key.toJSONString());
        return new SigningKeys(key);
    }

    /** Stable across restarts: the RFC 7638 thumbprint taken when the key was made. */
    public String keyId() {
        return key.getKeyID();
    }

    public JWKSet publicJwkSet() {
        return publicSet;
    }

    /** The JWKS document ({@code {"keys":[...]}}), public parameters only. */
    public String publicJwksJson() {
        return publicSet.toString(true);
    }

    JWSSigner signer() {
        return signer;
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    // A damaged key file fails the start rather than being replaced: a silent new key would
    // invalidate every token clients hold and hide whatever damaged the file.
    private static RSAKey read(Path file) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        try {
            if (JWK.parse(json) instanceof RSAKey rsa && rsa.isPrivate() && rsa.size() >= KEY_BITS && rsa.getKeyID() != null) {
                return rsa;
            }
        } catch (ParseException e) {
            throw new IOException("signing key file is not a JWK: " + file, e);
        }
        throw new IOException("signing key file does not hold a private RSA " + KEY_BITS + " key with a kid: " + file);
    }

    // Write to a temp file, flush to disk, then rename: a crash leaves either no key or a whole one.
    private static void write(Path file, String json) throws IOException {
        Path dir = file.getParent();
        Path tmp = Files.createTempFile(dir, "signing-key", ".tmp", ownerOnly(dir, "rw-------"));
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void createOwnerOnlyDirectory(Path dir) throws IOException {
        try {
            Files.createDirectory(dir, ownerOnly(dir, "rwx------"));
        } catch (FileAlreadyExistsException alreadyThere) {
            // made by an earlier start or a concurrent one; its permissions are left as they are
        }
    }

    // POSIX permissions where the file system has them (not on Windows, whose user profile is private anyway).
    private static FileAttribute<?>[] ownerOnly(Path onFileSystemOf, String permissions) {
        boolean posix = onFileSystemOf.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }

    // Makes the rename itself durable on Linux; other systems refuse to open a directory, which is fine.
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException notSupported) {
            // best effort
        }
    }
}
