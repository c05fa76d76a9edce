package io.ppmlab.reports;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The committed test fixtures (see src/test/resources/fixtures/make-fixtures.py for how they were made). */
public final class Fixtures {
    private Fixtures() {}

    public static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
