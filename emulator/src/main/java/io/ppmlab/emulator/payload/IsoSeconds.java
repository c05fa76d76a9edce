package io.ppmlab.emulator.payload;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * An instant as the Web API writes a date-time column: UTC to the second, {@code 2026-12-05T09:15:00Z}.
 * Written by hand: {@code DateTimeFormatter.ISO_INSTANT} showed in the profile of a retrieve.
 */
final class IsoSeconds {
    private IsoSeconds() {}

    static String format(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = d.getYear();
        if (year < 0 || year > 9999) return java.time.format.DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        char[] c = new char[20];
        four(c, 0, year);
        c[4] = '-';
        two(c, 5, d.getMonthValue());
        c[7] = '-';
        two(c, 8, d.getDayOfMonth());
        c[10] = 'T';
        two(c, 11, d.getHour());
        c[13] = ':';
        two(c, 14, d.getMinute());
        c[16] = ':';
        two(c, 17, d.getSecond());
        c[19] = 'Z';
        return new String(c);
    }

    private static void two(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }

    private static void four(char[] c, int at, int v) {
        two(c, at, v / 100);
        two(c, at + 2, v % 100);
    }
}
