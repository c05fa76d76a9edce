package io.ppmlab.emulator.store.snapshot;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Take and restore over a tree with a sparse file, with GNU cp and with the Java fallback. */
class DataSnapshotTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "cp allowed: {0}")
    @ValueSource(booleans = {true, false})
    void restoreGivesBackExactlyTheSnapshotAndKeepsHolesHoles(boolean allowCp) throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("tables"));
        Path sparse = data.resolve("tables/a.cmap");
        long size = 64L << 20; // 64 MB apparent, a few bytes of data
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(size);
            f.seek(3 << 20);
            f.write("row".getBytes());
            f.seek(size - 2);
            f.write(7);
        }
        Files.writeString(data.resolve("manifest.json"), "{\"v\":1}");
        DataSnapshot snapshots = new DataSnapshot(allowCp);
        Path snap = tmp.resolve("snap");
        DataSnapshot.Copied taken = snapshots.take(data, snap);
        assertThat(taken.files()).isEqualTo(2);
        assertThat(taken.apparentBytes()).isEqualTo(size + 7);
        assertThat(diskKb(snap)).as("holes stay holes").isLessThan(8 << 10);

        // The run writes, adds and deletes files.
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.seek(10 << 20);
            f.write("changed".getBytes());
        }
        Files.writeString(data.resolve("extra.log"), "x");
        Files.delete(data.resolve("manifest.json"));

        DataSnapshot.Copied restored = snapshots.restore(snap, data);
        assertThat(restored.files()).isEqualTo(2);
        assertThat(Files.exists(data.resolve("extra.log"))).isFalse();
        assertThat(Files.readString(data.resolve("manifest.json"))).isEqualTo("{\"v\":1}");
        assertThat(Files.size(sparse)).isEqualTo(size);
        assertThat(Files.mismatch(sparse, snap.resolve("tables/a.cmap"))).isEqualTo(-1L);
        assertThat(Files.exists(tmp.resolve("data.restoring"))).isFalse();
        assertThat(Files.exists(tmp.resolve("data.old"))).isFalse();
        assertThat(diskKb(data)).as("holes stay holes after a restore").isLessThan(8 << 10);
    }

    /** Blocks in use, from du: Java has no portable way to read a file's allocated size. */
    private static long diskKb(Path dir) throws IOException {
        Process du = new ProcessBuilder("du", "-sk", dir.toString()).start();
        String out = new String(du.getInputStream().readAllBytes()).trim();
        return Long.parseLong(out.split("\\s+")[0]);
    }
}
