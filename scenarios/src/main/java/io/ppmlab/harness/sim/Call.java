package io.ppmlab.harness.sim;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.exec.Executable;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * One named Web API request of a journey, sent as a well-behaved Dataverse client sends it: a 429 is not a failure but
 * a request to come back later, so the call waits the whole seconds of {@code Retry-After} and sends the request again
 * (at most {@link Api#MAX_RETRIES} times; see {@link Api#retrying}). The journey's own checks ({@link #check}) hold for
 * the answer that was served, never for a 429's error body.
 */
public final class Call implements Executable {
    private final Api api;
    private final String name;
    private final HttpRequestActionBuilder request;

    Call(Api api, String name, HttpRequestActionBuilder request) {
        this.api = api;
        this.name = name;
        this.request = request;
    }

    /** Checks of the served answer (skipped when the answer is a 429 that will be retried). */
    public Call check(CheckBuilder... checks) {
        return new Call(api, name, request.checkIf((response, session) -> response.status().code() != Api.THROTTLED).then(checks));
    }

    public Call header(String header, String value) {
        return new Call(api, name, request.header(header, value));
    }

    @Override
    public ChainBuilder toChainBuilder() {
        return api.retrying(name, request);
    }
}
