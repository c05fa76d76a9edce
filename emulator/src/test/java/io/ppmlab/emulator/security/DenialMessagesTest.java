package io.ppmlab.emulator.security;

import io.ppmlab.roles.Depth;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.ppmlab.emulator.security.TestOrg.role;
import static io.ppmlab.emulator.security.TestOrg.row;
import static io.ppmlab.roles.Privilege.APPEND_TO;
import static io.ppmlab.roles.Privilege.READ;
import static io.ppmlab.roles.Privilege.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

/** Denials read like Dataverse's, so clients that parse them behave as against the real service. */
class DenialMessagesTest {
    private final TestOrg org = new TestOrg();
    private final UUID it = org.unit(org.root);
    private final Principal.User alice = org.user(it);
    private final Principal.User bob = org.user(it);

    @Test
    void missingPrivilege() {
        org.assign(alice, role("r", "sensei_project", Depth.USER, READ, WRITE));
        RowSecurity row = row("sensei_project", bob.ref(), it);
        Decision.Denied d = (Decision.Denied) AccessEvaluator.check(org.reach(alice), row, APPEND_TO);
        assertThat(d.kind()).isEqualTo(Decision.DenialKind.MISSING_PRIVILEGE);
        assertThat(d.message()).isEqualTo("Principal user (Id=" + alice.id() + ", type=8, roleCount=1, privilegeCount=2, accessMode=0), "
                + "is missing prvAppendTosensei_project privilege (Id=" + SecurityMessages.privilegeId(APPEND_TO, "sensei_project")
                + ") on OTC=" + SecurityMessages.objectTypeCode("sensei_project") + " for entity 'sensei_project'. context.Caller=" + alice.id());
    }

    @Test
    void outOfReach() {
        org.assign(alice, role("r", "sensei_project", Depth.USER, READ));
        RowSecurity row = row("sensei_project", bob.ref(), it);
        Decision.Denied d = (Decision.Denied) AccessEvaluator.check(org.reach(alice), row, READ);
        assertThat(d.kind()).isEqualTo(Decision.DenialKind.OUT_OF_REACH);
        assertThat(d.message()).isEqualTo("SecLib::AccessCheckEx failed. Returned hr = -2147187962, ObjectID: " + row.rowId()
                + ", OwnerId: " + bob.id() + ",  OwnerIdType: 8 and CallingUser: " + alice.id() + ". ObjectTypeCode: "
                + SecurityMessages.objectTypeCode("sensei_project") + ", objectBusinessUnitId: " + it + ", AccessRights: ReadAccess");
    }

    @Test
    void privilegeNamesAndCodes() {
        assertThat(AccessEvaluator.privilegeName(READ, "sensei_risk")).isEqualTo("prvReadsensei_risk");
        assertThat(AccessEvaluator.privilegeName(APPEND_TO, "account")).isEqualTo("prvAppendToaccount");
        assertThat(SecurityMessages.objectTypeCode("systemuser")).isEqualTo(8);
        assertThat(SecurityMessages.objectTypeCode("sensei_risk")).isBetween(10000, 19999);
        assertThat(SecurityMessages.privilegeId(READ, "sensei_risk")).isEqualTo(SecurityMessages.privilegeId(READ, "sensei_risk"));
    }
}
