package io.ppmlab.emulator.api;

import io.ppmlab.emulator.errors.ErrorCode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks of a request's envelope that hold for a whole request and for each part of a {@code $batch}: the
 * {@code Prefer} header's size (its annotation patterns are echoed into response headers, which Jetty cannot
 * send beyond its buffer) and a body that is strict UTF-8 (Jackson decodes overlong forms such as
 * {@code C0 AF} to {@code /}; the JSON standard and Dataverse accept only shortest-form UTF-8).
 */
public final class Envelope {
    /** Longest {@code Prefer} header accepted; real clients send well under 200 characters. */
    public static final int MAX_PREFER_CHARS = 2_048;

    private Envelope() {}

    public static void check(ApiRequest request) {
        request.header("Prefer").ifPresent(p -> {
            if (p.length() > MAX_PREFER_CHARS) throw ErrorCode.HEADER_TOO_LONG.error("Prefer", p.length(), MAX_PREFER_CHARS);
        });
        requireUtf8(request.body());
    }

    /** Refuses bytes that are not well-formed UTF-8: overlong forms, surrogates, truncated or stray continuation bytes. */
    public static void requireUtf8(byte[] body) {
        if (body.length == 0 || ascii(body)) return;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw ErrorCode.INVALID_UTF8.error();
        }
    }

    private static boolean ascii(byte[] body) {
        for (byte b : body) if (b < 0) return false;
        return true;
    }
}
