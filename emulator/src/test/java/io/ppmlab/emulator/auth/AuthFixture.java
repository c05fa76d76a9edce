package io.ppmlab.emulator.auth;

import java.time.Instant;
import java.util.UUID;

/** One tenant with a user and an application, a shared key, and issuer and verifier on a test clock. */
final class AuthFixture {

    static final UUID TENANT = UUID.fromString("7a1c0f3e-0000-4000-8000-00000000c0de");
    static final String BASE = "http://127.0.0.1:5555";
    static final String ORG = "https://contoso.crm.dynamics.com";
    static final Identity BLUE = Identity.user(UUID.fromString("00000000-0000-4000-8000-0000000b1e00"),
            UUID.fromString("00000000-0000-4000-8000-00000000b1e0"), "blue@contoso.test", TENANT);
    static final String APP_ID = "5ea1ab1e-0000-4000-8000-000000000a99";
    static final Identity APP = Identity.app(UUID.fromString("00000000-0000-4000-8000-000000000a00"),
            UUID.fromString("00000000-0000-4000-8000-0000000000a0"), APP_ID, TENANT);
    static final String APP_SECRET = "s3cr3t~value";

    // Made once: RSA key generation is the slowest thing these tests do.
    static final SigningKeys KEYS = SigningKeys.inMemory();
    private static final InMemoryIdentityDirectory DIRECTORY = new InMemoryIdentityDirectory()
            .addUser(BLUE, PasswordHash.of("demo".toCharArray()))
            .addApp(APP, PasswordHash.of(APP_SECRET.toCharArray()));

    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));
    final AuthSettings settings;
    final TokenIssuer issuer;
    final TokenVerifier verifier;

    AuthFixture() {
        this(AuthSettings.local(BASE, TENANT).withAudiences(ORG));
    }

    AuthFixture(AuthSettings settings) {
        this.settings = settings;
        this.issuer = new TokenIssuer(KEYS, DIRECTORY, settings, clock);
        this.verifier = new TokenVerifier(KEYS, settings, clock);
    }

    TokenIssuer issuerWith(SigningKeys keys, AuthSettings otherSettings) {
        return new TokenIssuer(keys, DIRECTORY, otherSettings, clock);
    }

    String userToken() {
        return userTokenFrom(issuer);
    }

    String userTokenFrom(TokenIssuer from) {
        return ((TokenResult.Issued) from.issue(TokenRequest.password("blue@contoso.test", "demo", null))).accessToken();
    }
}
