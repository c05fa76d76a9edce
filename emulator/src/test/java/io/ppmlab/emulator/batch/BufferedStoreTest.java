package io.ppmlab.emulator.batch;

import io.ppmlab.emulator.operations.bulk.BufferedStore;
import io.ppmlab.emulator.store.MemoryStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The write buffer of change sets and bulk messages: reads see its writes, the store below sees them only at commit. */
class BufferedStoreTest {
    private static final Schema SCHEMA = SchemaLoader.loadDefault();
    private static final String T = "sensei_portfolio";

    private static Row row(UUID id, String name) { return new Row(T, id, Map.of("sensei_name", name)); }

    private static List<String> names(BufferedStore store) {
        List<String> out = new ArrayList<>();
        store.scan(T, r -> out.add((String) r.get("sensei_name")));
        return out.stream().sorted().toList();
    }

    @Test
    void readsSeeBufferedWritesAndTheBaseDoesNotUntilCommit() {
        MemoryStore base = new MemoryStore(SCHEMA);
        UUID kept = UUID.randomUUID(), replaced = UUID.randomUUID(), deleted = UUID.randomUUID(), added = UUID.randomUUID();
        base.apply(List.of(new Mutation.Put(row(kept, "kept")), new Mutation.Put(row(replaced, "old")), new Mutation.Put(row(deleted, "gone"))));
        BufferedStore buffer = new BufferedStore(base, SCHEMA);
        buffer.apply(List.of(new Mutation.Put(row(replaced, "new")), new Mutation.Delete(T, deleted), new Mutation.Put(row(added, "added"))));

        assertThat(buffer.get(T, replaced)).map(r -> r.get("sensei_name")).contains("new");
        assertThat(buffer.get(T, deleted)).isEmpty();
        assertThat(buffer.get(T, kept)).isPresent();
        assertThat(names(buffer)).containsExactly("added", "kept", "new");
        assertThat(buffer.count(T)).isEqualTo(3);
        assertThat(base.count(T)).isEqualTo(3);
        assertThat(base.get(T, replaced)).map(r -> r.get("sensei_name")).contains("old");

        buffer.commit();
        assertThat(base.get(T, replaced)).map(r -> r.get("sensei_name")).contains("new");
        assertThat(base.get(T, deleted)).isEmpty();
        assertThat(base.get(T, added)).isPresent();
        assertThatThrownBy(() -> buffer.get(T, kept)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDroppedBufferWritesNothingAndUnknownTablesAreRefused() {
        MemoryStore base = new MemoryStore(SCHEMA);
        BufferedStore buffer = new BufferedStore(base, SCHEMA);
        buffer.put(row(UUID.randomUUID(), "never"));
        buffer.close();
        assertThat(base.count(T)).isZero();
        BufferedStore other = new BufferedStore(base, SCHEMA);
        assertThatThrownBy(() -> other.get("no_such_table", UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBufferOverABufferCommitsIntoItsParent() {
        MemoryStore base = new MemoryStore(SCHEMA);
        BufferedStore outer = new BufferedStore(base, SCHEMA);
        BufferedStore inner = new BufferedStore(outer, SCHEMA);
        UUID id = UUID.randomUUID();
        inner.put(row(id, "nested"));
        inner.commit();
        assertThat(outer.get(T, id)).isPresent();
        assertThat(base.get(T, id)).isEmpty();
        outer.commit();
        assertThat(base.get(T, id)).isPresent();
    }
}
