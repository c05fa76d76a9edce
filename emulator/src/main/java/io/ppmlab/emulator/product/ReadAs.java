package io.ppmlab.emulator.product;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.emulator.api.Caller;

/**
 * Reads through the Web API's query engine as a given user: the product's panel queries and a scheduled
 * process's FetchXML run here, so every row they count passes that user's access checks exactly as the same
 * GET from a client would.
 */
public interface ReadAs {
    /**
     * GET of {@code url}: an entity-set path and query as a client writes it, with or without the leading
     * {@code /api/data/v9.x/}; percent-encoding is kept as given. Throws {@link Refused} when the Web API would
     * answer with an error.
     */
    JsonNode get(Caller caller, String url);

    /** The Web API's error answer to a read: its HTTP status, Dataverse code and message. */
    final class Refused extends RuntimeException {
        private final int status;
        private final String code;

        public Refused(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        public int status() { return status; }

        public String code() { return code; }
    }
}
