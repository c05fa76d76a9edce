package io.ppmlab.emulator.server;

import io.ppmlab.emulator.access.Impersonator;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.api.Envelope;
import io.ppmlab.emulator.auth.Authenticator;
import io.ppmlab.emulator.cost.CostModel;
import io.ppmlab.emulator.cost.OperationKinds;
import io.ppmlab.emulator.cost.Quantity;
import io.ppmlab.emulator.cost.Work;
import io.ppmlab.emulator.cost.WorkScope;
import io.ppmlab.emulator.errors.DataverseException;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.odata.ODataErrors;
import io.ppmlab.emulator.odata.ODataQueryException;
import io.ppmlab.emulator.odata.QueryNesting;
import io.ppmlab.emulator.odata.UriParser;
import io.ppmlab.emulator.odata.model.ParsedRequest;
import io.ppmlab.emulator.operations.Dispatcher;
import io.ppmlab.emulator.protection.Admission;
import io.ppmlab.emulator.protection.Facet;
import io.ppmlab.emulator.protection.ProtectionSettings;
import io.ppmlab.emulator.protection.ServiceProtection;
import io.ppmlab.emulator.protection.WebServers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Web API pipeline, read top to bottom:
 * authenticate → service protection → impersonate → check the envelope → parse → execute → model the cost.
 * Every failure becomes a Dataverse-shaped response here, in one place; nothing below knows about HTTP.
 */
public final class DataverseApi {
    private static final Logger LOG = Logger.getLogger(DataverseApi.class.getName());
    private static final Set<String> VERSIONS = Set.of("v9.0", "v9.1", "v9.2");
    /** Dataverse's limit on a GET URL (32 KB); Jetty is configured to accept longer ones so this check answers. */
    static final int MAX_URL = 32_768;

    private final Authenticator authenticator;
    private final Impersonator impersonator;
    private final UriParser parser;
    private final Dispatcher dispatcher;
    private final long maxBodyBytes;
    private final Realism realism;
    private final Map<Facet, ApiResponse> refusals;

    /** The platform around the pipeline: service protection, the web servers behind the affinity cookie, the cost model. */
    public record Realism(ServiceProtection protection, WebServers servers, CostModel cost) {}

    /**
     * One handled request: the response (with the lab's and Dataverse's headers), what the request did, its
     * modelled cost, and its admission, which the edge closes once the response has left.
     */
    public record Handled(ApiResponse response, Work work, double modelledMs, Admission admission) {
        /** The facet that refused the request, or null. */
        public Facet throttled() { return admission == null ? null : admission.refusedBy(); }
    }

    public DataverseApi(Authenticator authenticator, Impersonator impersonator, UriParser parser, Dispatcher dispatcher,
                        long maxBodyBytes, Realism realism) {
        this.authenticator = authenticator;
        this.impersonator = impersonator;
        this.parser = parser;
        this.dispatcher = dispatcher;
        this.maxBodyBytes = maxBodyBytes;
        this.realism = realism;
        this.refusals = refusals(realism.protection().limits());
    }

    public Handled handle(ApiRequest request) {
        Work work = new Work();
        work.add(Quantity.BYTES_IN, request.body().length);
        int server = realism.servers().pick(request.header("Cookie"));
        Admission admission = null;
        ApiResponse response;
        try (WorkScope.Open scope = WorkScope.open(work)) {
            // 1. authenticate: no valid token, no data
            Caller caller = authenticator.authenticate(request.header("Authorization"));
            // 2. service protection, per authenticated user and web server (an impersonating caller spends its own budget)
            admission = realism.protection().admit(caller.userId(), server);
            response = admission.refused() ? throttled(admission) : execute(caller, request, work);
        } catch (RuntimeException e) {
            response = failure(e, request);
        } catch (StackOverflowError e) {
            // recursion over an input nested deeper than any limit foresaw: the input's fault, answered as such
            response = failure(ODataErrors.nestedTooDeeply("request", QueryNesting.MAX_DEPTH), request);
        }
        work.add(Quantity.BYTES_OUT, response.body().length);
        // 7. the modelled cost: charged to the execution-time facet and reported
        double modelled = admission == null || admission.refused() ? 0 : realism.cost().modelledMs(work);
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        if (admission != null) {
            admission.charge(modelled);
            headers.put("x-ms-ratelimit-burst-remaining-xrm-requests", Long.toString(admission.requestsLeft()));
            headers.put("x-ms-ratelimit-time-remaining-xrm-requests", Hundredths.grouped(admission.secondsLeft()));
        }
        headers.put("x-ms-lab-modelled-ms", Hundredths.plain(modelled));
        headers.put("x-ms-lab-web-server", realism.servers().name(server));
        headers.put("Set-Cookie", realism.servers().setCookie(server));
        response = new ApiResponse(response.status(), headers, response.contentType(), response.body());
        return new Handled(response, work, modelled, admission);
    }

    private ApiResponse execute(Caller caller, ApiRequest request, Work work) {
        // 3. impersonation (CallerObjectId / MSCRMCallerID): needs prvActOnBehalfOfAnotherUser
        caller = impersonator.apply(caller, request);
        // 4. envelope: version, body size and media type, before any parsing
        checkEnvelope(request);
        // 5. parse the URL into our request model
        ParsedRequest parsed = parser.parse(request.path(), request.rawQuery());
        OperationKinds.classify(work, request.method(), parsed);
        // 6. execute: every row read or written passes the access guard
        return dispatcher.execute(caller, request, parsed);
    }

    private ApiResponse throttled(Admission admission) {
        // a throttled client keeps knocking: its answer is prepared once per facet
        ApiResponse body = refusals.get(admission.refusedBy());
        return new ApiResponse(429, Map.of("Retry-After", Long.toString(admission.retryAfterSeconds())), body.contentType(), body.body());
    }

    private static Map<Facet, ApiResponse> refusals(ProtectionSettings limits) {
        long windowSeconds = limits.window().toSeconds();
        Map<Facet, ApiResponse> out = new java.util.EnumMap<>(Facet.class);
        for (Facet f : Facet.values()) {
            DataverseException e = switch (f) {
                case REQUESTS -> ErrorCode.THROTTLED_REQUESTS.error(limits.requests(), windowSeconds);
                case EXECUTION_TIME -> ErrorCode.THROTTLED_EXECUTION_TIME.error(limits.executionMs(), windowSeconds);
                case CONCURRENCY -> ErrorCode.THROTTLED_CONCURRENCY.error(limits.concurrency());
            };
            out.put(f, ErrorBody.of(e));
        }
        return out;
    }

    private static ApiResponse failure(RuntimeException failure, ApiRequest request) {
        if (failure instanceof Authenticator.Unauthenticated e) {
            return ApiResponse.json(401, ErrorBody.json("0x80040204", e.getMessage()), Map.of("WWW-Authenticate", e.challenge()));
        }
        if (failure instanceof DataverseException e) return ErrorBody.of(e);
        if (failure instanceof ODataQueryException e) return ApiResponse.json(e.httpStatus(), ErrorBody.json(e.code(), e.getMessage()), Map.of());
        LOG.log(Level.SEVERE, "unexpected failure on " + request.method() + " " + request.path(), failure);
        return ErrorBody.of(ErrorCode.INTERNAL.error("the request could not be completed"));
    }


    /** Too-large bodies are refused before they are read (see {@link HttpExchange}); this re-checks the read size. */
    private void checkEnvelope(ApiRequest request) {
        if (!VERSIONS.contains(request.version())) throw ErrorCode.RESOURCE_NOT_FOUND.error(request.version());
        int urlLength = request.baseUrl().length() + request.path().length() + 1 + request.rawQuery().length();
        if (urlLength > MAX_URL) throw ErrorCode.URL_TOO_LONG.error(urlLength, MAX_URL);
        if (request.body().length > maxBodyBytes) throw ErrorCode.REQUEST_TOO_LARGE.error(request.body().length, maxBodyBytes);
        Envelope.check(request);
        if (request.body().length > 0) {
            String type = request.header("Content-Type").orElse("application/json").toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/json") && !type.startsWith("multipart/mixed") && !type.startsWith("application/http")) {
                throw ErrorCode.UNSUPPORTED_MEDIA_TYPE.error(type);
            }
        }
    }
}
