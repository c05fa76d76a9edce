package io.ppmlab.emulator.auth;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link IdentityDirectory} held in memory, for tests and for servers started without stored identities. */
public final class InMemoryIdentityDirectory implements IdentityDirectory {

    private record Entry(Identity identity, PasswordHash secret) {}

    private final Map<String, Entry> users = new ConcurrentHashMap<>();
    private final Map<String, Entry> apps = new ConcurrentHashMap<>();

    public InMemoryIdentityDirectory addUser(Identity user, PasswordHash password) {
        if (user.isApplication()) throw new IllegalArgumentException("not a user: " + user);
        users.put(key(user.upn()), new Entry(user, password));
        return this;
    }

    public InMemoryIdentityDirectory addApp(Identity app, PasswordHash clientSecret) {
        if (!app.isApplication()) throw new IllegalArgumentException("not an application: " + app);
        apps.put(key(app.appId()), new Entry(app, clientSecret));
        return this;
    }

    @Override
    public Optional<Identity> byPassword(String upn, char[] password) {
        return match(users, upn, password);
    }

    @Override
    public Optional<Identity> byClientCredentials(String clientId, char[] clientSecret) {
        return match(apps, clientId, clientSecret);
    }

    private static Optional<Identity> match(Map<String, Entry> entries, String name, char[] secret) {
        Entry entry = name == null ? null : entries.get(key(name));
        return entry != null && entry.secret().matches(secret) ? Optional.of(entry.identity()) : Optional.empty();
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
