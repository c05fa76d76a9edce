package io.ppmlab.emulator.product;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.emulator.api.Caller;

/**
 * Writes through the Web API as a given user: the product's own buttons (Duplicate and Clear status update)
 * create and update rows exactly as the client's POST or PATCH would, with its security checks, the product's
 * write rules and panel calculation. Throws {@link ReadAs.Refused} when the Web API would answer with an error.
 */
public interface WriteAs {
    /** {@code method} (POST or PATCH) of a JSON body to {@code url}; answers the row written (return=representation). */
    JsonNode write(Caller caller, String method, String url, String jsonBody);
}
