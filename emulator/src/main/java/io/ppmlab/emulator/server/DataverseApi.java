package io.ppmlab.emulator.server;

import io.ppmlab.emulator.access.Impersonator;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.auth.Authenticator;
import io.ppmlab.emulator.errors.DataverseException;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.odata.ODataQueryException;
import io.ppmlab.emulator.odata.UriParser;
import io.ppmlab.emulator.odata.model.ParsedRequest;
import io.ppmlab.emulator.operations.Dispatcher;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Web API pipeline, read top to bottom:
 * authenticate → impersonate → check the envelope → parse → execute. Every failure becomes a Dataverse-shaped response here, in one place; nothing below knows about HTTP.
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

    public DataverseApi(Authenticator authenticator, Impersonator impersonator, UriParser parser, Dispatcher dispatcher, long maxBodyBytes) {
        this.authenticator = authenticator;
        this.impersonator = impersonator;
        this.parser = parser;
        this.dispatcher = dispatcher;
        this.maxBodyBytes = maxBodyBytes;
    }

    public ApiResponse handle(ApiRequest request) {
        try {
            // 1. authenticate: no valid token, no data
            Caller caller = authenticator.authenticate(request.header("Authorization"));
            // 1b. impersonation (CallerObjectId / MSCRMCallerID): needs prvActOnBehalfOfAnotherUser
            caller = impersonator.apply(caller, request);
            // 2. envelope: version, body size and media type, before any parsing
            checkEnvelope(request);
            // 3. parse the URL into our request model
            ParsedRequest parsed = parser.parse(request.path(), request.rawQuery());
            // 4. execute: every row read or written passes the access guard
            return dispatcher.execute(caller, request, parsed);
        } catch (Authenticator.Unauthenticated e) {
            return ApiResponse.json(401, ErrorBody.json("0x80040204", e.getMessage()), Map.of("WWW-Authenticate", e.challenge()));
        } catch (DataverseException e) {
            return ErrorBody.of(e);
        } catch (ODataQueryException e) {
            return ApiResponse.json(e.httpStatus(), ErrorBody.json(e.code(), e.getMessage()), Map.of());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected failure on " + request.method() + " " + request.path(), e);
            return ErrorBody.of(ErrorCode.INTERNAL.error(e.getClass().getSimpleName()));
        }
    }

    /** Too-large bodies are refused before they are read (see {@link HttpExchange}); this re-checks the read size. */
    private void checkEnvelope(ApiRequest request) {
        if (!VERSIONS.contains(request.version())) throw ErrorCode.RESOURCE_NOT_FOUND.error(request.version());
        int urlLength = request.baseUrl().length() + request.path().length() + 1 + request.rawQuery().length();
        if (urlLength > MAX_URL) throw ErrorCode.URL_TOO_LONG.error(urlLength, MAX_URL);
        if (request.body().length > maxBodyBytes) throw ErrorCode.REQUEST_TOO_LARGE.error(request.body().length, maxBodyBytes);
        if (request.body().length > 0) {
            String type = request.header("Content-Type").orElse("application/json").toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/json") && !type.startsWith("multipart/mixed") && !type.startsWith("application/http")) {
                throw ErrorCode.UNSUPPORTED_MEDIA_TYPE.error(type);
            }
        }
    }
}
