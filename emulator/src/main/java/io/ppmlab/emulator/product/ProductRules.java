package io.ppmlab.emulator.product;

import io.ppmlab.emulator.query.index.Children;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.operations.WriteRules;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The product's and the platform's behaviours on writes:
 * <ul>
 *   <li>a register takes its headline record's owner, on create and when moved to another headline
 *       (always: the product replicates the owner, so an {@code ownerid} the client sent is replaced);</li>
 *   <li>assigning a row carries the new owner to its parental descendants and, for a headline record, to its
 *       registers; the new owner must hold Read on every table reached, else nothing is written (403);</li>
 *   <li>deleting a row deletes its parental children, clears referential lookups, is refused by restrict
 *       relationships, and removes the shares of every deleted row;</li>
 *   <li>"Assigned To" shares ({@link AssignedToShares}) and the 250-group-team limit ({@link GroupAdministratorLimit}).</li>
 * </ul>
 */
public final class ProductRules implements WriteRules {
    private final Schema schema;
    private final Store store;
    private final SystemColumns system;
    private final Registers registers;
    private final Cascades cascades;
    private final OwnerReadCheck ownerRead;
    private final AssignedToShares assignedTo;
    private final GroupAdministratorLimit groupLimit;

    /** The rules' collaborators, grouped: what they read and write through. */
    public record Parts(Schema schema, Store store, SystemColumns system, Children children, OwnerReadCheck ownerRead,
                        AssignedToShares assignedTo) {}

    public ProductRules(Parts parts) {
        this.schema = parts.schema();
        this.store = parts.store();
        this.system = parts.system();
        this.registers = new Registers(parts.schema());
        this.cascades = new Cascades(parts.schema(), parts.children(), registers, parts.system());
        this.ownerRead = parts.ownerRead();
        this.assignedTo = parts.assignedTo();
        this.groupLimit = new GroupAdministratorLimit(parts.children());
    }

    @Override
    public Row beforeCreate(Caller caller, Table table, Row row) {
        EntityRef owner = headlineOwner(row);
        return owner == null ? row : row.with(system.ownerColumns(owner));
    }

    @Override
    public List<Mutation> alongside(Caller caller, Table table, Optional<Row> before, Row after) {
        Row previous = before.orElse(null);
        if (table.logicalName().equals("team")) groupLimit.check(previous, after);
        List<Mutation> out = new ArrayList<>();
        Row current = after;
        if (previous == null && registers.headlineOf(after) != null && after.ref("ownerid") != null
                && !after.ref("ownerid").id().equals(caller.userId())) {
            ownerRead.require(after.ref("ownerid"), List.of(table.logicalName()), "it takes the owner of its " + registers.headlineOf(after).table());
        }
        if (previous != null && registers.isRegister(table.logicalName())
                && !Objects.equals(registers.headlineOf(previous), registers.headlineOf(after))) {
            // Moved to another headline record: it takes that record's owner, as on create.
            EntityRef owner = headlineOwner(after);
            if (owner != null && !owner.equals(after.ref("ownerid"))) {
                ownerRead.require(owner, List.of(table.logicalName()), "moving it to " + registers.headlineOf(after).table());
                current = after.with(system.ownerColumns(owner));
                out.add(new Mutation.Put(current));
            }
        }
        boolean ownerChanged = previous != null && table.userOwned() && !Objects.equals(previous.ref("ownerid"), current.ref("ownerid"));
        if (ownerChanged) out.addAll(assign(caller, current));
        if (assignedTo.applies(table.logicalName()) && (previous == null || ownerChanged
                || !Objects.equals(previous.ref(AssignedToShares.COLUMN), current.ref(AssignedToShares.COLUMN)))) {
            out.addAll(assignedTo.reconcile(caller, previous, current));
        }
        return out;
    }

    @Override
    public List<Mutation> onDelete(Caller caller, Table table, Row row) { return cascades.delete(caller, row); }

    /** The cascade of an assign: every row that follows {@code root} takes its owner; all or nothing. */
    private List<Mutation> assign(Caller caller, Row root) {
        EntityRef owner = root.ref("ownerid");
        List<Row> targets = cascades.assignTargets(root);
        Set<String> tables = new LinkedHashSet<>();
        targets.forEach(r -> tables.add(r.table()));
        ownerRead.require(owner, tables, "assigning " + root.table() + " " + root.id() + " cascades to its " + String.join(", ", tables));
        List<Mutation> out = new ArrayList<>();
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("ownerid", owner);
        for (Row target : targets) {
            if (owner.equals(target.ref("ownerid"))) continue; // Dataverse skips a cascade that changes nothing
            Row moved = system.forUpdate(table(target.table()), target, change, caller);
            out.add(new Mutation.Put(moved));
            if (assignedTo.applies(target.table())) out.addAll(assignedTo.reconcile(caller, target, moved));
        }
        return out;
    }

    /** The owner of a register's headline record, or null (not a register, no headline, or headline missing). */
    private EntityRef headlineOwner(Row row) {
        EntityRef headline = registers.headlineOf(row);
        if (headline == null) return null;
        return store.get(headline.table(), headline.id()).map(h -> h.ref("ownerid")).orElse(null);
    }

    private Table table(String name) {
        return schema.table(name).orElseThrow(() -> new IllegalStateException("unknown table " + name));
    }
}
