package io.ppmlab.emulator.server;

import io.javalin.http.Context;
import io.ppmlab.emulator.auth.Identity;
import io.ppmlab.emulator.auth.OpenIdDocuments;
import io.ppmlab.emulator.auth.TokenIssuer;
import io.ppmlab.emulator.auth.TokenRequest;
import io.ppmlab.emulator.auth.TokenResult;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** HTTP adapter of the simulated Entra ID: token endpoint, OpenID discovery and JWKS. */
final class IdentityRoutes {
    private static final Logger LOG = Logger.getLogger(IdentityRoutes.class.getName());

    private final TokenIssuer issuer;
    private final OpenIdDocuments documents;
    private final Consumer<Identity> signedIn;

    /** {@code signedIn} hears of every issued token before it is sent (the product's Entra group sync on sign-in). */
    IdentityRoutes(TokenIssuer issuer, OpenIdDocuments documents, Consumer<Identity> signedIn) {
        this.issuer = issuer;
        this.documents = documents;
        this.signedIn = signedIn;
    }

    void token(Context ctx) {
        TokenResult result = issuer.issue(TokenRequest.fromForm(ctx.pathParam("tenant"), ctx::formParam));
        ctx.header("Cache-Control", "no-store").header("Pragma", "no-cache");
        if (result instanceof TokenResult.Issued issued) {
            try {
                signedIn.accept(issued.identity());
            } catch (RuntimeException e) {
                // A sign-in never fails because of the group sync; the periodic sync catches up.
                LOG.log(Level.WARNING, "group sync on sign-in failed for " + issued.identity().systemUserId(), e);
            }
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
