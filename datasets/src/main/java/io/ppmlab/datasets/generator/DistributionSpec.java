package io.ppmlab.datasets.generator;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.GeometricDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.UniformIntegerDistribution;
import org.apache.commons.math3.random.RandomGenerator;

import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * An integer distribution of a profile, e.g. {@code {"type":"poisson","mean":6,"offset":1,"max":50}}:
 * a Commons Math distribution, sampled, shifted by {@code offset}, clamped to {@code [min, max]}.
 *
 * @param type   poisson (a = mean), lognormal (a = median, b = sigma; rounded), uniform (a = low, b = high,
 *               inclusive), geometric (a = mean number of failures), binomial (a = trials, b = p), constant (a = value)
 */
public record DistributionSpec(String type, double a, double b, int offset, int min, int max, String about) {

    public DistributionSpec {
        type = type.toLowerCase(Locale.ROOT);
        switch (type) {
            case "poisson" -> require(a > 0, "mean must be positive");
            case "lognormal" -> require(a > 0 && b > 0, "median and sigma must be positive");
            case "uniform" -> require(a <= b, "low must not exceed high");
            case "geometric" -> require(a >= 0, "mean must not be negative");
            case "binomial" -> require(a >= 0 && b >= 0 && b <= 1, "trials >= 0 and 0 <= p <= 1");
            case "constant" -> { }
            default -> throw new IllegalArgumentException("unknown distribution type '" + type
                    + "' (poisson, lognormal, uniform, geometric, binomial, constant)");
        }
        require(min <= max, "min must not exceed max");
    }

    public static DistributionSpec constant(int value) {
        return new DistributionSpec("constant", value, 0, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "");
    }

    /** Reads {@code {"type": ..., <parameters>, "offset"?, "min"?, "max"?, "about"?}}. */
    public static DistributionSpec parse(String name, JsonNode n) {
        try {
            String type = text(n, "type");
            double a;
            double b = 0;
            switch (type.toLowerCase(Locale.ROOT)) {
                case "poisson", "geometric" -> a = number(n, "mean");
                case "lognormal" -> { a = number(n, "median"); b = number(n, "sigma"); }
                case "uniform" -> { a = number(n, "low"); b = number(n, "high"); }
                case "binomial" -> { a = number(n, "trials"); b = number(n, "p"); }
                case "constant" -> a = number(n, "value");
                default -> a = 0;
            }
            int min = n.has("min") ? n.get("min").asInt() : 0;
            int max = n.has("max") ? n.get("max").asInt() : Integer.MAX_VALUE;
            return new DistributionSpec(type, a, b, n.path("offset").asInt(0), min, max, n.path("about").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("distribution " + name + ": " + e.getMessage(), e);
        }
    }

    /** A sampler drawing from {@code rng}: the same generator state gives the same sequence. */
    public IntSupplier sampler(RandomGenerator rng) {
        IntSupplier raw = switch (type) {
            case "poisson" -> {
                PoissonDistribution d = new PoissonDistribution(rng, a, PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
                yield d::sample;
            }
            case "lognormal" -> {
                LogNormalDistribution d = new LogNormalDistribution(rng, Math.log(a), b, LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
                yield () -> (int) Math.min(Integer.MAX_VALUE, Math.round(d.sample()));
            }
            case "uniform" -> {
                UniformIntegerDistribution d = new UniformIntegerDistribution(rng, (int) a, (int) b);
                yield d::sample;
            }
            case "geometric" -> {
                GeometricDistribution d = new GeometricDistribution(rng, 1.0 / (1.0 + a));
                yield d::sample;
            }
            case "binomial" -> {
                BinomialDistribution d = new BinomialDistribution(rng, (int) a, b);
                yield d::sample;
            }
            default -> {
                int v = (int) a;
                yield () -> v;
            }
        };
        return () -> clamp(raw.getAsInt() + offset);
    }

    private int clamp(int v) { return Math.max(min, Math.min(max, v)); }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }

    private static String text(JsonNode n, String field) {
        if (!n.hasNonNull(field)) throw new IllegalArgumentException("missing '" + field + "'");
        return n.get(field).asText();
    }

    private static double number(JsonNode n, String field) {
        if (!n.has(field) || !n.get(field).isNumber()) throw new IllegalArgumentException("missing number '" + field + "'");
        return n.get(field).asDouble();
    }
}
