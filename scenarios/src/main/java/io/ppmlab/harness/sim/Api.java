package io.ppmlab.harness.sim;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.ppmlab.harness.record.Recorder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * One persona's request builders: every request carries the signed-in user's token and its stable name (also as
 * {@code x-lab-request-name}, so the emulator's counters can be matched to it), checks its expected status, and is
 * recorded by the harness's {@link Recorder}. URLs are given already encoded (the protocol disables Gatling's own
 * encoding, so OData's {@code $} and quotes reach the server exactly as written).
 *
 * <p>Service protection: every Web API request is a {@link Call} that honours a 429 as Dataverse asks its clients to
 * (Microsoft Learn, "Service protection API limits": wait the {@code Retry-After} interval, then retry): the 429 is
 * recorded as throttled, not as an unexpected error, the user waits the whole seconds of {@code Retry-After} and sends
 * the same request again, up to {@link #MAX_RETRIES} times; a request still refused after that is an unexpected error.
 */
public final class Api {
    public static final String ROOT = "/api/data/v9.2/";
    static final int THROTTLED = 429;
    /**
     * Retries of one throttled request before the journey gives up. Ten, as the Dataverse ServiceClient's default
     * {@code MaxRetryCount}; with the emulator's escalation (Retry-After grows by 1 s per refused request) ten waits
     * cover well over a minute of throttling.
     */
    public static final int MAX_RETRIES = 10;
    private static final String RETRY_AFTER = "lab.retryAfter";
    private static final String TRIES = "lab.tries";
    private final Recorder recorder;
    private final String persona;
    private final String scope;

    /** {@code baseUrl} is the emulator's: the tokens' audience, asked for as {@code <baseUrl>/.default}. */
    public Api(Recorder recorder, String persona, String baseUrl) {
        this.recorder = recorder;
        this.persona = persona;
        this.scope = baseUrl + "/.default";
    }

    /** The token scope for this emulator. */
    public String scope() { return scope; }

    public String persona() { return persona; }

    public Call get(String name, String path, Integer... expected) {
        return new Call(this, name, authorised(name, http(name).get(url(path)), expected));
    }

    public Call post(String name, String path, String jsonBody, Integer... expected) {
        return new Call(this, name, authorised(name, http(name).post(url(path)).body(io.gatling.javaapi.core.CoreDsl.StringBody(jsonBody))
                .header("Content-Type", "application/json"), expected));
    }

    public Call patch(String name, String path, String jsonBody, Integer... expected) {
        return new Call(this, name, authorised(name, http(name).patch(url(path)).body(io.gatling.javaapi.core.CoreDsl.StringBody(jsonBody))
                .header("Content-Type", "application/json"), expected));
    }

    /** A request built by the journey itself (lab routes, {@code $batch}): it sets its own token; 429s are honoured too. */
    public Call raw(String name, HttpRequestActionBuilder request, Integer... expected) {
        return new Call(this, name, recorded(name, request, expected));
    }

    /**
     * Sends {@code request} until it is served: after a 429 the user pauses for its {@code Retry-After} (whole seconds,
     * 1 when missing or unreadable) and tries again, at most {@link #MAX_RETRIES} times. Still throttled after that:
     * recorded as an unexpected error and the session marked failed.
     */
    ChainBuilder retrying(String name, HttpRequestActionBuilder request) {
        return exec(session -> session.remove(RETRY_AFTER).set(TRIES, 0))
                .asLongAs(session -> session.getInt(TRIES) == 0 || (session.contains(RETRY_AFTER) && session.getInt(TRIES) <= MAX_RETRIES)).on(
                        doIf(session -> session.contains(RETRY_AFTER)).then(pause(session -> Duration.ofSeconds(retryAfterSeconds(session.getString(RETRY_AFTER)))))
                                .exec(session -> session.remove(RETRY_AFTER).set(TRIES, session.getInt(TRIES) + 1))
                                .exec(request))
                .exec(session -> {
                    if (!session.contains(RETRY_AFTER)) return session.remove(TRIES);
                    recorder.gaveUp(name, MAX_RETRIES);
                    return session.remove(RETRY_AFTER).remove(TRIES).markAsFailed();
                });
    }

    /**
     * A check of the journey's own bookkeeping (e.g. rows summed over pages) that is not one response's: a failure
     * marks the session failed, so the journey counts as failed, and is reported with {@code message}.
     */
    public ChainBuilder check(String name, java.util.function.Predicate<io.gatling.javaapi.core.Session> holds,
                              java.util.function.Function<io.gatling.javaapi.core.Session, String> message) {
        return exec(session -> {
            if (holds.test(session)) return session;
            recorder.checkFailed(name, message.apply(session));
            return session.markAsFailed();
        });
    }

    /** Signs the session's user in with the password grant and keeps the token in the session as {@code token}. */
    public ChainBuilder signIn(String password) {
        return exec(recorded(persona + ".signin", http(persona + ".signin").post("/common/oauth2/v2.0/token")
                .formParam("grant_type", "password").formParam("username", "#{upn}").formParam("password", password)
                .formParam("scope", scope)
                .check(jsonPath("$.access_token").saveAs("token")), 200));
    }

    private HttpRequestActionBuilder authorised(String name, HttpRequestActionBuilder request, Integer... expected) {
        return recorded(name, request.header("Authorization", "Bearer #{token}"), expected);
    }

    private HttpRequestActionBuilder recorded(String name, HttpRequestActionBuilder request, Integer... expected) {
        Integer[] statuses = expected.length == 0 ? new Integer[] {200} : expected;
        recorder.declare(name, persona, Set.copyOf(Arrays.asList(statuses)));
        Integer[] served = Arrays.copyOf(statuses, statuses.length + 1);
        served[statuses.length] = THROTTLED;
        return request.header("x-lab-request-name", name)
                .check(status().in(served))
                .checkIf((response, session) -> response.status().code() == THROTTLED).then(
                        header("Retry-After").withDefault("1").saveAs(RETRY_AFTER))
                .transformResponse((response, session) -> {
                    int status = response.status().code();
                    recorder.record(name, status, response.startTimestamp(), response.endTimestamp(), response.body().length());
                    if (status != THROTTLED && !Arrays.asList(statuses).contains(status)) {
                        String body = response.body().string();
                        recorder.checkFailed(name, "status " + status + ": " + body.substring(0, Math.min(300, body.length())));
                    }
                    return response;
                });
    }

    /** {@code Retry-After} as Dataverse sends it: whole seconds (at least 1, so a retry never spins). */
    public static long retryAfterSeconds(String value) {
        try {
            return Math.max(1, Long.parseLong(value.trim()));
        } catch (RuntimeException e) {
            return 1;
        }
    }

    private static String url(String path) {
        return path.startsWith("http") || path.startsWith("/") || path.startsWith("#{") ? path : ROOT + path;
    }

    /** Percent-encodes one query option's value (spaces as %20, as Dataverse's own clients send them). */
    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code a,b,c} of ids for FetchXML {@code <value>} lists. */
    public static String values(java.util.List<String> ids) {
        return ids.stream().map(id -> "<value>" + id + "</value>").collect(Collectors.joining());
    }
}
