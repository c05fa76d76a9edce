package io.ppmlab.emulator.odata;

import static io.ppmlab.emulator.odata.Csdl.BOOLEAN;
import static io.ppmlab.emulator.odata.Csdl.GUID;
import static io.ppmlab.emulator.odata.Csdl.STRING;
import static io.ppmlab.emulator.odata.Csdl.complex;
import static io.ppmlab.emulator.odata.Csdl.param;
import static io.ppmlab.emulator.odata.Csdl.params;
import static io.ppmlab.emulator.odata.Csdl.prop;
import static io.ppmlab.emulator.odata.EdmFactory.fqn;

import io.ppmlab.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.provider.CsdlAction;
import org.apache.olingo.commons.api.edm.provider.CsdlActionImport;
import org.apache.olingo.commons.api.edm.provider.CsdlComplexType;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlEnumMember;
import org.apache.olingo.commons.api.edm.provider.CsdlEnumType;
import org.apache.olingo.commons.api.edm.provider.CsdlFunction;
import org.apache.olingo.commons.api.edm.provider.CsdlFunctionImport;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlParameter;
import org.apache.olingo.commons.api.edm.provider.CsdlReturnType;

/**
 * The security messages of the Web API, declared as Dataverse declares them so that Olingo parses their URLs
 * and {@code $metadata} lists them: the sharing actions ({@code GrantAccess}, {@code ModifyAccess},
 * {@code RevokeAccess}), team membership ({@code AddMembersTeam}, {@code RemoveMembersTeam}, bound to team),
 * the access functions ({@code RetrieveSharedPrincipalsAndAccess}, {@code RetrievePrincipalAccess} bound to
 * systemuser and team, {@code RetrieveUserPrivileges} bound to systemuser) and the lab's own
 * {@code lab_Explain}. Parameters typed {@code crmbaseentity} take an entity reference, in URLs through a
 * parameter alias ({@code Target=@t&@t={'@odata.id':'accounts(<id>)'}}).
 */
public final class SecurityOperations {
    public static final String GRANT_ACCESS = "GrantAccess";
    public static final String MODIFY_ACCESS = "ModifyAccess";
    public static final String REVOKE_ACCESS = "RevokeAccess";
    public static final String ADD_MEMBERS_TEAM = "AddMembersTeam";
    public static final String REMOVE_MEMBERS_TEAM = "RemoveMembersTeam";
    public static final String RETRIEVE_SHARED = "RetrieveSharedPrincipalsAndAccess";
    public static final String RETRIEVE_PRINCIPAL_ACCESS = "RetrievePrincipalAccess";
    public static final String RETRIEVE_USER_PRIVILEGES = "RetrieveUserPrivileges";
    /** The emulator's "why can I see this?" function; the {@code lab_} prefix marks it as not Dataverse's. */
    public static final String EXPLAIN = "lab_Explain";

    /** Dataverse's abstract base of every entity type; parameters of this type take any row. */
    static final String CRM_BASE_ENTITY = "crmbaseentity";
    private static final String ACCESS_RIGHTS = "AccessRights";
    private static final String PRIVILEGE_DEPTH = "PrivilegeDepth";

    private final boolean users;
    private final boolean teams;

    private SecurityOperations(Schema schema) {
        this.users = schema.table("systemuser").isPresent();
        this.teams = schema.table("team").isPresent();
    }

    static SecurityOperations of(Schema schema) { return new SecurityOperations(schema); }

    static CsdlEntityType baseEntityType() {
        return new CsdlEntityType().setName(CRM_BASE_ENTITY).setAbstract(true);
    }

    static List<CsdlEnumType> enumTypes() {
        return List.of(
                new CsdlEnumType().setName(ACCESS_RIGHTS).setFlags(true)
                        .setUnderlyingType(EdmPrimitiveTypeKind.Int32.getFullQualifiedName())
                        .setMembers(List.of(member("None", 0), member("ReadAccess", 1), member("WriteAccess", 2),
                                member("AppendAccess", 4), member("AppendToAccess", 16), member("CreateAccess", 32),
                                member("DeleteAccess", 65536), member("ShareAccess", 262144), member("AssignAccess", 524288))),
                new CsdlEnumType().setName(PRIVILEGE_DEPTH)
                        .setMembers(List.of(member("Basic", 0), member("Local", 1), member("Deep", 2), member("Global", 3))));
    }

    List<CsdlComplexType> complexTypes() {
        List<CsdlComplexType> all = new ArrayList<>();
        CsdlComplexType principalAccess = new CsdlComplexType().setName("PrincipalAccess")
                .setProperties(List.of(prop("AccessMask", fqn(ACCESS_RIGHTS))));
        if (users || teams) {
            principalAccess.setNavigationProperties(List.of(new CsdlNavigationProperty().setName("Principal")
                    .setType(fqn(EdmFactory.PRINCIPAL))));
        }
        all.add(principalAccess);
        all.add(complex("RetrieveSharedPrincipalsAndAccessResponse", prop("PrincipalAccesses", fqn("PrincipalAccess")).setCollection(true)));
        all.add(complex("RetrievePrincipalAccessResponse", prop("AccessRights", fqn(ACCESS_RIGHTS))));
        all.add(complex("RolePrivilege", prop("Depth", fqn(PRIVILEGE_DEPTH)), prop("PrivilegeId", GUID),
                prop("BusinessUnitId", GUID), prop("PrivilegeName", STRING)));
        all.add(complex("RetrieveUserPrivilegesResponse", prop("RolePrivileges", fqn("RolePrivilege")).setCollection(true)));
        all.add(complex("lab_ExplainRight", prop("Privilege", STRING), prop("AccessRight", STRING),
                prop("Allowed", BOOLEAN), prop("Decision", STRING), prop("Reasons", STRING).setCollection(true),
                prop("Roles", STRING).setCollection(true), prop("ErrorCode", STRING), prop("Message", STRING)));
        all.add(complex("lab_ExplainResponse", prop("UserId", GUID), prop("Rights", fqn("lab_ExplainRight")).setCollection(true)));
        return all;
    }

    List<CsdlAction> actions() {
        List<CsdlAction> all = new ArrayList<>();
        CsdlParameter target = param("Target", fqn(CRM_BASE_ENTITY));
        all.add(unboundAction(GRANT_ACCESS, target, param("PrincipalAccess", fqn("PrincipalAccess"))));
        all.add(unboundAction(MODIFY_ACCESS, target, param("PrincipalAccess", fqn("PrincipalAccess"))));
        if (users || teams) all.add(unboundAction(REVOKE_ACCESS, target, param("Revokee", fqn(EdmFactory.PRINCIPAL))));
        if (users && teams) {
            for (String name : List.of(ADD_MEMBERS_TEAM, REMOVE_MEMBERS_TEAM)) {
                all.add(new CsdlAction().setName(name).setBound(true).setParameters(List.of(
                        param("entity", fqn("team")), params("Members", fqn("systemuser")))));
            }
        }
        return all;
    }

    List<CsdlActionImport> actionImports() { return Csdl.imports(actions()); }

    List<CsdlFunction> functions() {
        List<CsdlFunction> all = new ArrayList<>();
        CsdlParameter target = param("Target", fqn(CRM_BASE_ENTITY));
        all.add(function(RETRIEVE_SHARED, false, "RetrieveSharedPrincipalsAndAccessResponse", target));
        for (String principal : principalTables()) {
            all.add(function(RETRIEVE_PRINCIPAL_ACCESS, true, "RetrievePrincipalAccessResponse",
                    param("entity", fqn(principal)), target));
        }
        if (users) {
            all.add(function(RETRIEVE_USER_PRIVILEGES, true, "RetrieveUserPrivilegesResponse", param("entity", fqn("systemuser"))));
            // Two overloads: explain yourself (Target only) or another user (Target and User).
            all.add(function(EXPLAIN, false, "lab_ExplainResponse", target));
            all.add(function(EXPLAIN, false, "lab_ExplainResponse", target, param("User", fqn("systemuser"))));
        }
        return all;
    }

    List<CsdlFunctionImport> functionImports() {
        List<CsdlFunctionImport> all = new ArrayList<>();
        all.add(functionImport(RETRIEVE_SHARED));
        if (users) all.add(functionImport(EXPLAIN));
        return all;
    }

    /** Names of the bound functions that take no parameter besides the binding one (callable without "()"). */
    static List<String> parameterlessBoundFunctions() { return List.of(RETRIEVE_USER_PRIVILEGES); }

    private List<String> principalTables() {
        List<String> out = new ArrayList<>();
        if (users) out.add("systemuser");
        if (teams) out.add("team");
        return out;
    }

    private static CsdlAction unboundAction(String name, CsdlParameter... params) {
        return new CsdlAction().setName(name).setBound(false).setParameters(List.of(params));
    }

    private static CsdlFunction function(String name, boolean bound, String returnType, CsdlParameter... params) {
        return new CsdlFunction().setName(name).setBound(bound).setComposable(false).setParameters(List.of(params))
                .setReturnType(new CsdlReturnType().setType(fqn(returnType)).setNullable(false));
    }

    private static CsdlFunctionImport functionImport(String name) {
        return new CsdlFunctionImport().setName(name).setFunction(fqn(name)).setIncludeInServiceDocument(false);
    }

    private static CsdlEnumMember member(String name, int value) {
        return new CsdlEnumMember().setName(name).setValue(Integer.toString(value));
    }
}
