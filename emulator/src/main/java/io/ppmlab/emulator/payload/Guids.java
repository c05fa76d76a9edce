package io.ppmlab.emulator.payload;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Strict GUID parsing: {@link UUID#fromString} accepts malformed short forms such as {@code 1-1-1-1-1}. */
public final class Guids {
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Guids() {}

    public static Optional<UUID> parse(String text) {
        if (text == null) return Optional.empty();
        String s = text.trim();
        if (s.length() == 38 && s.startsWith("{") && s.endsWith("}")) s = s.substring(1, 37);
        return GUID.matcher(s).matches() ? Optional.of(UUID.fromString(s)) : Optional.empty();
    }
}
