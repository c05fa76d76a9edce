package io.ppmlab.emulator.auth;

import java.util.Optional;

/**
 * The credentials the simulated Entra ID accepts. The server implements it over stored users and
 * application users (keeping {@link PasswordHash}es, never passwords); {@link InMemoryIdentityDirectory}
 * is the twin for tests.
 */
public interface IdentityDirectory {

    /**
     * The user whose UPN (case-insensitive, as in Entra) and password match. Empty both for an
     * unknown user and a wrong password: the token endpoint answers the two alike.
     */
    Optional<Identity> byPassword(String upn, char[] password);

    /** The application whose client id (case-insensitive) and secret match; empty otherwise. */
    Optional<Identity> byClientCredentials(String clientId, char[] clientSecret);
}
