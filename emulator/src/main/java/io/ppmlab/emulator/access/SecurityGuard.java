package io.ppmlab.emulator.access;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.cost.Quantity;
import io.ppmlab.emulator.cost.WorkScope;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.operations.AccessGuard;
import io.ppmlab.emulator.security.AccessEvaluator;
import io.ppmlab.emulator.security.CallerReach;
import io.ppmlab.emulator.security.Decision;
import io.ppmlab.emulator.security.ListFilter;
import io.ppmlab.emulator.security.ReadScope;
import io.ppmlab.emulator.security.RowSecurity;
import io.ppmlab.roles.Privilege;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.Objects;

/**
 * Enforces the Dataverse security model on every operation: the privilege check, then the access check
 * on the row, through the pure {@link AccessEvaluator}. Also answers the query engine's read scopes.
 */
public final class SecurityGuard implements AccessGuard, ReadAccess {
    private final Schema schema;
    private final SecurityState state;
    private final RowFacts facts;
    private final io.ppmlab.emulator.store.Store store;

    public SecurityGuard(Schema schema, SecurityState state, io.ppmlab.emulator.store.Store store) {
        this.schema = schema;
        this.state = state;
        this.facts = new RowFacts(schema);
        this.store = store;
    }

    @Override
    public void checkCreate(Caller caller, Table table, Row row) {
        CallerReach reach = state.reach(caller);
        require(reach, facts.of(row), Privilege.CREATE);
        appendTo(reach, table, row, null);
    }

    @Override
    public void checkRead(Caller caller, Table table, Row row) {
        require(state.reach(caller), facts.of(row), Privilege.READ);
    }

    @Override
    public void checkWrite(Caller caller, Table table, Row before, Row after) {
        CallerReach reach = state.reach(caller);
        RowSecurity current = facts.of(before);
        require(reach, current, Privilege.WRITE);
        EntityRef oldOwner = before.ref("ownerid");
        EntityRef newOwner = after.ref("ownerid");
        if (table.userOwned() && !Objects.equals(oldOwner, newOwner)) {
            require(reach, current, Privilege.ASSIGN);
            requireOwnerCanRead(table, newOwner);
        }
        appendTo(reach, table, after, before);
    }

    @Override
    public void checkDelete(Caller caller, Table table, Row row) {
        require(state.reach(caller), facts.of(row), Privilege.DELETE);
    }

    @Override
    public ReadScope scope(Caller caller, String table) {
        WorkScope.count(Quantity.SECURITY_CHECKS, 1);
        return ListFilter.readScope(state.reach(caller), table);
    }

    @Override
    public RowSecurity facts(Row row) { return facts.of(row); }

    /** AppendTo on every product row a new or changed lookup points at. */
    private void appendTo(CallerReach reach, Table table, Row row, Row before) {
        for (Column c : table.columns()) {
            if (c.type() != ColumnType.LOOKUP || c.system()) continue;
            EntityRef target = row.ref(c.name());
            if (target == null || (before != null && target.equals(before.ref(c.name())))) continue;
            Table parentTable = schema.table(target.table()).orElse(null);
            if (parentTable == null || !parentTable.userOwned()) continue;
            Row parent = store.get(target.table(), target.id()).orElseThrow(() ->
                    ErrorCode.OBJECT_DOES_NOT_EXIST.error(target.table(), target.id()));
            require(reach, facts.of(parent), Privilege.APPEND_TO);
        }
    }

    private void requireOwnerCanRead(Table table, EntityRef owner) {
        if (owner == null || !owner.table().equals("systemuser")) return; // a team's read is checked through its roles below
        CallerReach ownerReach = state.reachOf(owner.id());
        if (ownerReach.privilege(table.logicalName(), Privilege.READ).grants().isEmpty()) {
            throw ErrorCode.PRINCIPAL_PRIVILEGE_DENIED.error("Read Privilege Check For Owner failed: principal user (Id="
                    + owner.id() + ") is missing prvRead" + table.logicalName() + " privilege.");
        }
    }

    private static void require(CallerReach reach, RowSecurity row, Privilege privilege) {
        WorkScope.count(Quantity.SECURITY_CHECKS, 1);
        Decision decision = AccessEvaluator.check(reach, row, privilege);
        if (decision instanceof Decision.Denied denied) {
            throw (denied.kind() == Decision.DenialKind.MISSING_PRIVILEGE ? ErrorCode.PRIVILEGE_DENIED : ErrorCode.ACCESS_DENIED)
                    .error(denied.message());
        }
    }
}
