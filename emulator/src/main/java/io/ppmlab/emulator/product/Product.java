package io.ppmlab.emulator.product;

import io.ppmlab.emulator.query.index.Children;
import io.ppmlab.emulator.access.SecurityState;
import io.ppmlab.emulator.auth.Identity;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.operations.WriteRules;
import io.ppmlab.emulator.query.index.IndexSource;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Schema;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/** The product's behaviours, wired once: the write rules, the Entra group sync and its lab administration. */
public final class Product implements AutoCloseable {
    private final ProductRules rules;
    private final GroupSync groupSync;
    private final GroupAdmin groupAdmin;
    private final GroupSyncSchedule schedule;

    /** What the product reads and writes through; {@code indexes} is the query engine's, or {@link IndexSource#NONE}. */
    public record Wiring(Schema schema, Store store, SystemColumns system, SecurityState security, IndexSource indexes,
                         Clock clock, Path dataDir, GroupSyncSettings groupSync) {}

    private Product(ProductRules rules, GroupSync groupSync, GroupAdmin groupAdmin, GroupSyncSchedule schedule) {
        this.rules = rules;
        this.groupSync = groupSync;
        this.groupAdmin = groupAdmin;
        this.schedule = schedule;
    }

    /** Builds everything and starts the periodic group sync. */
    public static Product open(Wiring w) {
        Children children = new Children(w.store(), w.indexes());
        ProductRules rules = new ProductRules(new ProductRules.Parts(w.schema(), w.store(), w.system(), children,
                new OwnerReadCheck(w.security()), new AssignedToShares(w.schema(), w.store(), w.system(), w.security())));
        GroupDirectory directory = w.dataDir() == null ? GroupDirectory.inMemory() : GroupDirectory.open(w.dataDir());
        GroupSync sync = new GroupSync(w.schema(), w.store(), w.system(), children, directory);
        GroupSyncSchedule schedule = new GroupSyncSchedule(sync, w.clock(), w.groupSync().interval()).start(w.groupSync().poll());
        return new Product(rules, sync, new GroupAdmin(w.store(), w.security(), directory, sync), schedule);
    }

    public WriteRules rules() { return rules; }

    public GroupAdmin groupAdmin() { return groupAdmin; }

    public GroupSync groupSync() { return groupSync; }

    public GroupSyncSchedule schedule() { return schedule; }

    /** The sign-in hook: a user's Entra group changes reach their teams when they get a token. */
    public Consumer<Identity> signIns() {
        return identity -> { if (!identity.isApplication()) groupSync.signedIn(identity.systemUserId(), identity.upn()); };
    }

    @Override
    public void close() { schedule.close(); }
}
