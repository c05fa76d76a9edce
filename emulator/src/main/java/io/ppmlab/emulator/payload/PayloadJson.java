package io.ppmlab.emulator.payload;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.function.Function;

/**
 * The one JSON reader of row payloads (single writes and upserts, {@code $batch} parts, bulk messages' targets):
 * duplicate keys and trailing tokens refused, decimals kept exact. Every way a body can fail to parse ends in the
 * caller's own refusal: besides Jackson's parse errors, a number whose exponent does not fit an {@code int}
 * ({@code 1e9999999999}) makes Jackson's decimal parser throw a {@link NumberFormatException}, which would
 * otherwise escape as a 500.
 */
public final class PayloadJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private PayloadJson() {}

    /** The parsed body; {@code refusal} turns the parser's complaint into the error to throw. */
    public static JsonNode read(byte[] body, Function<String, RuntimeException> refusal) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw refusal.apply(e.getOriginalMessage());
        } catch (IOException e) {
            throw refusal.apply(e.getMessage());
        } catch (NumberFormatException e) {
            throw refusal.apply("A number is outside the range of a decimal: " + e.getMessage());
        }
    }
}
