package io.ppmlab.emulator.odata;

import static io.ppmlab.emulator.odata.Urls.ID;
import static io.ppmlab.emulator.odata.Urls.ID2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.ppmlab.emulator.odata.model.Key;
import io.ppmlab.emulator.odata.model.ResourcePath;
import io.ppmlab.emulator.odata.model.ResourcePath.ActionCall;
import io.ppmlab.emulator.odata.model.ResourcePath.BoundFunctionCall;
import io.ppmlab.emulator.odata.model.ResourcePath.BoundTo;
import io.ppmlab.emulator.odata.model.ResourcePath.FunctionCall;
import io.ppmlab.emulator.odata.model.ResourcePath.Navigation;
import io.ppmlab.schema.SchemaLoader;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Actions, bound functions, parameter aliases and the N:N team-membership navigation, parsed over the real schema. */
class UriParserOperationsTest {
    private static final ServiceModel MODEL = ServiceModel.of(SchemaLoader.loadDefault());
    private static final UriParser PARSER = new UriParser(MODEL);
    private static final Key KEY = new Key.IdKey(UUID.fromString(ID));
    private static final Key KEY2 = new Key.IdKey(UUID.fromString(ID2));
    private static final String TARGET = "{'@odata.id':'sensei_projects(" + ID2 + ")'}";
    private static final Navigation MEMBERS = new Navigation("team", KEY, "teammembership_association", "systemuser", true);

    static Stream<Arguments> paths() {
        return Stream.of(
                arguments("GrantAccess", "", new ActionCall("GrantAccess", Optional.empty())),
                arguments("ModifyAccess", "", new ActionCall("ModifyAccess", Optional.empty())),
                arguments("RevokeAccess", "", new ActionCall("RevokeAccess", Optional.empty())),
                arguments("teams(" + ID + ")/Microsoft.Dynamics.CRM.AddMembersTeam", "",
                        new ActionCall("AddMembersTeam", Optional.of(new BoundTo("team", KEY)))),
                arguments("teams(" + ID + ")/mscrm.RemoveMembersTeam", "",
                        new ActionCall("RemoveMembersTeam", Optional.of(new BoundTo("team", KEY)))),
                arguments("RetrieveSharedPrincipalsAndAccess(Target=@t)", "@t=" + TARGET,
                        new FunctionCall("RetrieveSharedPrincipalsAndAccess", Map.of("Target", TARGET))),
                arguments("RetrieveSharedPrincipalsAndAccess(Target=@t)", "@t=%7B'%40odata.id'%3A'sensei_projects(" + ID2 + ")'%7D",
                        new FunctionCall("RetrieveSharedPrincipalsAndAccess", Map.of("Target", TARGET))),
                arguments("RetrieveSharedPrincipalsAndAccess(Target=@t)", "%40t=%7B'%40odata.id'%3A'sensei_projects(" + ID2 + ")'%7D",
                        new FunctionCall("RetrieveSharedPrincipalsAndAccess", Map.of("Target", TARGET))),
                arguments("systemusers(" + ID + ")/Microsoft.Dynamics.CRM.RetrievePrincipalAccess(Target=@t)", "@t=" + TARGET,
                        new BoundFunctionCall(new BoundTo("systemuser", KEY), "RetrievePrincipalAccess", Map.of("Target", TARGET))),
                arguments("teams(" + ID + ")/Microsoft.Dynamics.CRM.RetrievePrincipalAccess(Target=@t)", "@t=" + TARGET,
                        new BoundFunctionCall(new BoundTo("team", KEY), "RetrievePrincipalAccess", Map.of("Target", TARGET))),
                arguments("systemusers(" + ID + ")/Microsoft.Dynamics.CRM.RetrieveUserPrivileges", "",
                        new BoundFunctionCall(new BoundTo("systemuser", KEY), "RetrieveUserPrivileges", Map.of())),
                arguments("systemusers(" + ID + ")/Microsoft.Dynamics.CRM.RetrieveUserPrivileges()", "",
                        new BoundFunctionCall(new BoundTo("systemuser", KEY), "RetrieveUserPrivileges", Map.of())),
                arguments("lab_Explain(Target=@t)", "@t=" + TARGET, new FunctionCall("lab_Explain", Map.of("Target", TARGET))),
                arguments("lab_Explain(Target=@t,User=@u)", "@t=" + TARGET + "&@u=" + ID,
                        new FunctionCall("lab_Explain", Map.of("Target", TARGET, "User", ID))),
                arguments("teams(" + ID + ")/teammembership_association/$ref", "", new ResourcePath.Ref(MEMBERS, Optional.empty())),
                arguments("teams(" + ID + ")/teammembership_association(" + ID2 + ")/$ref", "", new ResourcePath.Ref(MEMBERS, Optional.of(KEY2))),
                arguments("systemusers(" + ID + ")/teammembership_association/$ref", "", new ResourcePath.Ref(
                        new Navigation("systemuser", KEY, "teammembership_association", "team", true), Optional.empty())),
                arguments("sensei_projects(" + ID + ")/ownerid/$ref", "", new ResourcePath.Ref(
                        new Navigation("sensei_project", KEY, "ownerid", EdmFactory.PRINCIPAL, false), Optional.empty())));
    }

    @ParameterizedTest(name = "[{index}] {0}?{1}")
    @MethodSource("paths")
    void parses(String path, String query, ResourcePath expected) {
        assertThat(PARSER.parse(path, query).path()).isEqualTo(expected);
    }

    @Test void aMissingAliasIsA400() {
        assertThatThrownBy(() -> PARSER.parse("RetrieveSharedPrincipalsAndAccess(Target=@t)", ""))
                .isInstanceOfSatisfying(ODataQueryException.class, e -> assertThat(e.httpStatus()).isEqualTo(400))
                .hasMessageContaining("@t");
    }

    @Test void anUnknownActionIsA404() {
        assertThatThrownBy(() -> PARSER.parse("NoSuchAction", ""))
                .isInstanceOfSatisfying(ODataQueryException.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
    }

    @Test void metadataDeclaresTheSecurityOperations() {
        String csdl = MODEL.documents().csdlXml();
        assertThat(csdl).contains("<Action Name=\"GrantAccess\"", "<Action Name=\"AddMembersTeam\" IsBound=\"true\"",
                "<Function Name=\"RetrievePrincipalAccess\" IsBound=\"true\"", "<EnumType Name=\"AccessRights\" IsFlags=\"true\"",
                "<ActionImport Name=\"GrantAccess\"", "<FunctionImport Name=\"lab_Explain\"",
                "<NavigationProperty Name=\"teammembership_association\"");
    }
}
