package io.ppmlab.emulator.access;

import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.emulator.security.SecurityModel;
import io.ppmlab.emulator.store.MemoryStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.roles.RoleCatalog;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityModelLoaderTest {
    private final Schema schema = SchemaLoader.loadDefault();

    private MemoryStore demo() {
        MemoryStore store = new MemoryStore(schema);
        store.apply(DemoOrganisation.build(schema).rows().stream().<Mutation>map(Mutation.Put::new).toList());
        return store;
    }

    @Test
    void loadsTheDemoOrganisation() {
        SecurityModel model = new SecurityModelLoader(RoleCatalog.loadDefault()).load(demo(), 1);
        assertThat(model.version()).isEqualTo(1);
    }

    @Test
    void aShareWithAPrincipalThatNoLongerExistsIsSkipped() {
        MemoryStore store = demo();
        store.put(new Row("principalobjectaccess", UUID.randomUUID(), Map.of(
                "objectid", DemoOrganisation.recordId("sensei_project", "IT Project 1"), "objecttypecode", "sensei_project",
                "principalid", UUID.randomUUID(), "principaltypecode", "systemuser", "accessrightsmask", 1)));
        SecurityModel model = new SecurityModelLoader(RoleCatalog.loadDefault()).load(store, 2);
        assertThat(model.version()).isEqualTo(2);
    }
}
