package io.ppmlab.emulator.server;

import io.javalin.http.Context;
import io.ppmlab.emulator.auth.OpenIdDocuments;
import io.ppmlab.emulator.auth.TokenIssuer;
import io.ppmlab.emulator.auth.TokenRequest;
import io.ppmlab.emulator.auth.TokenResult;

/** HTTP adapter of the simulated Entra ID: token endpoint, OpenID discovery and JWKS. */
final class IdentityRoutes {
    private final TokenIssuer issuer;
    private final OpenIdDocuments documents;

    IdentityRoutes(TokenIssuer issuer, OpenIdDocuments documents) {
        this.issuer = issuer;
        this.documents = documents;
    }

    void token(Context ctx) {
        TokenResult result = issuer.issue(TokenRequest.fromForm(ctx.pathParam("tenant"), ctx::formParam));
        ctx.header("Cache-Control", "no-store").header("Pragma", "no-cache");
        if (result instanceof TokenResult.Issued issued) {
            ctx.status(200).json(issued.body());
        } else {
            TokenResult.Refused refused = (TokenResult.Refused) result;
            ctx.status(refused.httpStatus()).json(refused.body());
        }
    }

    void discovery(Context ctx) {
        ctx.contentType("application/json").result(documents.discoveryJson(ctx.pathParam("tenant")));
    }

    void keys(Context ctx) {
        ctx.contentType("application/json").result(documents.jwksJson());
    }
}
