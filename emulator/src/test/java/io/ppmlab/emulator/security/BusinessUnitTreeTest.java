package io.ppmlab.emulator.security;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessUnitTreeTest {
    private final UUID root = UUID.randomUUID();
    private final UUID it = UUID.randomUUID();
    private final UUID apps = UUID.randomUUID();
    private final UUID hr = UUID.randomUUID();
    private final BusinessUnitTree tree = new BusinessUnitTree(root, Map.of(it, root, apps, it, hr, root));

    @Test
    void subtreesHoldTheUnitAndEverythingBelow() {
        assertThat(tree.subtree(root)).containsExactlyInAnyOrder(root, it, apps, hr);
        assertThat(tree.subtree(it)).containsExactlyInAnyOrder(it, apps);
        assertThat(tree.subtree(apps)).containsExactly(apps);
        assertThat(tree.isUnder(apps, it)).isTrue();
        assertThat(tree.isUnder(it, it)).isTrue();
        assertThat(tree.isUnder(hr, it)).isFalse();
        assertThat(tree.isAbove(root, apps)).isTrue();
        assertThat(tree.isAbove(apps, root)).isFalse();
        assertThat(tree.parent(apps)).contains(it);
        assertThat(tree.parent(root)).isEmpty();
    }

    @Test
    void refusesWhatIsNotATree() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertThatThrownBy(() -> new BusinessUnitTree(root, Map.of(a, b, b, a))).hasMessageContaining("cycle");
        assertThatThrownBy(() -> new BusinessUnitTree(root, Map.of(a, UUID.randomUUID()))).hasMessageContaining("unknown parent");
        assertThatThrownBy(() -> new BusinessUnitTree(root, Map.of(root, a))).hasMessageContaining("root");
    }
}
