package io.ppmlab.datasets.generator;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Named random streams of one seed: each part of the generator draws from its own Well19937c, seeded from
 * SHA-256(seed, name), so adding draws in one part does not shift the numbers of another.
 */
final class Rngs {
    private final long seed;

    Rngs(long seed) { this.seed = seed; }

    RandomGenerator stream(String name) {
        byte[] digest;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(8).putLong(seed).array());
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            digest = sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        ByteBuffer b = ByteBuffer.wrap(digest);
        int[] state = new int[8];
        for (int i = 0; i < state.length; i++) state[i] = b.getInt();
        return new Well19937c(state);
    }

    /** True with probability {@code p}. */
    static boolean chance(RandomGenerator rng, double p) { return p > 0 && rng.nextDouble() < p; }

    /** A uniform pick from {@code 0..n-1}. */
    static int pick(RandomGenerator rng, int n) { return rng.nextInt(n); }
}
