package io.ppmlab.emulator.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the server can be told, with defaults; read from flags and environment in one place
 * ({@code cli.ServeCommand}).
 *
 * @param bind           address to listen on
 * @param port           port, 0 picks a free one
 * @param dataDir        where tables, keys and journals live
 * @param dataset        profile loaded into an empty data directory (e.g. {@code demo}), if any
 * @param tokenLifetime  lifetime of issued access tokens
 * @param maxBodyBytes   bodies above this are refused with 413
 * @param fsync          force each write batch to disk before acknowledging it (power-loss durability)
 * @param platform       service protection, cost model, latency injection and clock
 * @param dayIndexes     also index date-only columns by day, so that closed day ranges start or narrow a query (off by
 *                       default: README, "Queries", for what it saves and costs)
 */
public record ServerConfig(String bind, int port, Path dataDir, Optional<String> dataset,
                           Duration tokenLifetime, long maxBodyBytes, boolean fsync, PlatformConfig platform, boolean dayIndexes) {

    public static final long DEFAULT_MAX_BODY = 16L * 1024 * 1024;

    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig("127.0.0.1", 0, dataDir, Optional.empty(), Duration.ofHours(1), DEFAULT_MAX_BODY, false, PlatformConfig.DEFAULT, false);
    }

    public ServerConfig withDataset(String profile) {
        return new ServerConfig(bind, port, dataDir, Optional.ofNullable(profile), tokenLifetime, maxBodyBytes, fsync, platform, dayIndexes);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(bind, p, dataDir, dataset, tokenLifetime, maxBodyBytes, fsync, platform, dayIndexes);
    }

    public ServerConfig withPlatform(PlatformConfig p) {
        return new ServerConfig(bind, port, dataDir, dataset, tokenLifetime, maxBodyBytes, fsync, p, dayIndexes);
    }
}
