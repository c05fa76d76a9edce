package io.ppmlab.emulator.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 hash, so stored credentials never hold a password or client secret.
 * Encoded as {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}.
 */
public final class PasswordHash {

    /**
     * Far below OWASP's 600,000 on purpose: this only keeps dataset files free of plain text on a
     * lab machine, while every password-grant token request (and every generated user) pays the cost.
     * Each hash records its own count, so raising this later leaves old hashes valid.
     */
    public static final int DEFAULT_ITERATIONS = 10_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) throw new IllegalArgumentException("iterations out of range: " + iterations);
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    public static PasswordHash of(char[] password) {
        return of(password, DEFAULT_ITERATIONS);
    }

    public static PasswordHash of(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /** Reads a value written by {@link #encoded()}; throws IllegalArgumentException if it is not one. */
    public static PasswordHash parse(String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            throw new IllegalArgumentException("not a " + SCHEME + " hash");
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            return new PasswordHash(Integer.parseInt(parts[1]), b64.decode(parts[2]), b64.decode(parts[3]));
        } catch (IllegalArgumentException e) { // NumberFormatException is one too
            throw new IllegalArgumentException("not a " + SCHEME + " hash", e);
        }
    }

    /** True if {@code candidate} is the password; the comparison takes the same time wherever bytes differ. */
    public boolean matches(char[] candidate) {
        if (candidate == null) return false;
        return MessageDigest.isEqual(hash, derive(candidate, salt, iterations));
    }

    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Deliberately not the encoded hash: values printed in logs should not feed offline guessing. */
    @Override
    public String toString() {
        return "PasswordHash[" + SCHEME + ", " + iterations + " iterations]";
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
