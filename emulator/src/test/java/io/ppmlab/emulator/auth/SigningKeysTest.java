package io.ppmlab.emulator.auth;

import static io.ppmlab.emulator.auth.AuthFixture.BLUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void keyIsWrittenOnceAndReloaded() throws Exception {
        SigningKeys first = SigningKeys.loadOrCreate(dataDir);
        Path file = dataDir.resolve(SigningKeys.KEY_FILE);
        String written = Files.readString(file);

        SigningKeys second = SigningKeys.loadOrCreate(dataDir);

        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(Files.readString(file)).isEqualTo(written);
        assertThat(second.publicJwksJson()).isEqualTo(first.publicJwksJson());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temp file left behind
        }
    }

    @Test
    void tokenIssuedBeforeARestartVerifiesAfterIt() throws Exception {
        AuthFixture before = new AuthFixture();
        String token = before.issuerWith(SigningKeys.loadOrCreate(dataDir), before.settings).accessTokenFor(BLUE);

        TokenVerifier afterRestart = new TokenVerifier(SigningKeys.loadOrCreate(dataDir), before.settings, before.clock);

        assertThat(afterRestart.verify(token)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void keyFileIsOwnerOnly() throws Exception {
        SigningKeys.loadOrCreate(dataDir);
        Path file = dataDir.resolve(SigningKeys.KEY_FILE);
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) return;

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void damagedKeyFileFailsTheStartInsteadOfBeingReplaced() throws Exception {
        Path file = dataDir.resolve(SigningKeys.KEY_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"kty\":\"RSA\"");

        assertThatThrownBy(() -> SigningKeys.loadOrCreate(dataDir)).isInstanceOf(IOException.class);
        assertThat(Files.readString(file)).isEqualTo("{\"kty\":\"RSA\"");
    }

    @Test
    void publicKeyFileOnlyIsRefused() throws Exception {
        Path file = dataDir.resolve(SigningKeys.KEY_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, SigningKeys.inMemory().publicJwkSet().getKeys().get(0).toJSONString());

        assertThatThrownBy(() -> SigningKeys.loadOrCreate(dataDir)).isInstanceOf(IOException.class);
    }

    @Test
    void publishedJwksHoldsNoPrivateParameters() throws Exception {
        String jwks = AuthFixture.KEYS.publicJwksJson();

        @SuppressWarnings("unchecked")
        Map<String, Object> key = ((java.util.List<Map<String, Object>>) com.nimbusds.jose.util.JSONObjectUtils.parse(jwks).get("keys")).get(0);
        assertThat(key).containsKeys("kty", "kid", "n", "e", "use", "alg")
                .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi", "oth");
        assertThat(key).containsEntry("kty", "RSA").containsEntry("use", "sig").containsEntry("alg", "RS256")
                .containsEntry("kid", AuthFixture.KEYS.keyId());
        JWK parsed = JWKSet.parse(jwks).getKeyByKeyId(AuthFixture.KEYS.keyId());
        assertThat(parsed.isPrivate()).isFalse();
        assertThat(parsed.size()).isEqualTo(2048);
    }
}
