package io.ppmlab.emulator.auth;

import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identity directory of a data directory: users are the stored {@code systemuser} rows (UPN in
 * {@code domainname}, Entra object id in {@code azureactivedirectoryobjectid}), secrets come from the
 * {@link CredentialFile}. Also maps a token's {@code oid} back to its systemuser.
 */
public final class StoredIdentities implements IdentityDirectory {
    private final Store store;
    private final CredentialFile credentials;
    private final InMemoryIdentityDirectory directory = new InMemoryIdentityDirectory();
    private final Map<UUID, UUID> systemUserByObjectId = new ConcurrentHashMap<>();

    public StoredIdentities(Store store, CredentialFile credentials) {
        this.store = store;
        this.credentials = credentials;
        refresh();
    }

    public UUID tenantId() { return credentials.tenantId(); }

    /** Re-reads users, e.g. after users were created through the API. */
    public synchronized void refresh() {
        Map<String, Row> byUpn = new ConcurrentHashMap<>();
        store.scan("systemuser", user -> {
            UUID oid = objectId(user);
            systemUserByObjectId.put(oid, user.id());
            Object upn = user.get("domainname");
            if (upn != null) byUpn.put(upn.toString().toLowerCase(java.util.Locale.ROOT), user);
        });
        for (CredentialFile.UserSecret secret : credentials.users()) {
            Row user = byUpn.get(secret.upn().toLowerCase(java.util.Locale.ROOT));
            if (user == null) continue;
            directory.addUser(Identity.user(objectId(user), user.id(), secret.upn(), tenantId()), PasswordHash.parse(secret.passwordHash()));
        }
        for (CredentialFile.AppSecret app : credentials.apps()) {
            Optional<Row> user = store.get("systemuser", app.systemUserId());
            if (user.isEmpty()) continue;
            directory.addApp(Identity.app(objectId(user.get()), user.get().id(), app.clientId(), tenantId()), PasswordHash.parse(app.secretHash()));
        }
    }

    /** The systemuser a verified token's object id belongs to. */
    public Optional<UUID> systemUser(UUID objectId) {
        UUID found = systemUserByObjectId.get(objectId);
        if (found == null) {
            refresh();
            found = systemUserByObjectId.get(objectId);
        }
        return Optional.ofNullable(found);
    }

    @Override
    public Optional<Identity> byPassword(String upn, char[] password) { return directory.byPassword(upn, password); }

    @Override
    public Optional<Identity> byClientCredentials(String clientId, char[] secret) { return directory.byClientCredentials(clientId, secret); }

    private static UUID objectId(Row user) {
        Object oid = user.get("azureactivedirectoryobjectid");
        return oid instanceof UUID u ? u : user.id();
    }
}
