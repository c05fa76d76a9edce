package io.ppmlab.emulator.odata;

import static io.ppmlab.emulator.odata.Urls.ID;
import static io.ppmlab.emulator.odata.Urls.ID2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.ppmlab.emulator.odata.model.Key;
import io.ppmlab.emulator.odata.model.ResourcePath;
import io.ppmlab.emulator.odata.model.ResourcePath.Navigation;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Resource paths in, our {@link ResourcePath} records out. */
class UriParserPathTest {
    private static final UriParser PARSER = new UriParser(ServiceModel.of(TestSchema.SCHEMA));
    private static final Key KEY = new Key.IdKey(UUID.fromString(ID));
    private static final Key KEY2 = new Key.IdKey(UUID.fromString(ID2));
    private static final Navigation PROJECTS_OF_PROGRAM =
            new Navigation("sensei_program", KEY, "sensei_project_sensei_program", "sensei_project", true);
    private static final Navigation PROGRAM_OF_PROJECT =
            new Navigation("sensei_project", KEY, "sensei_program", "sensei_program", false);

    static Stream<Arguments> paths() {
        return Stream.of(
                arguments("", new ResourcePath.ServiceDocument()),
                arguments("$metadata", new ResourcePath.Metadata()),
                arguments("$batch", new ResourcePath.Batch()),
                arguments("sensei_projects", new ResourcePath.EntitySet("sensei_project")),
                arguments("/sensei_projects", new ResourcePath.EntitySet("sensei_project")),
                arguments("sensei_projects/$count", new ResourcePath.EntitySetCount("sensei_project")),
                arguments("sensei_projects(" + ID + ")", new ResourcePath.Entity("sensei_project", KEY)),
                arguments("sensei_projects(sensei_projectid=" + ID + ")", new ResourcePath.Entity("sensei_project", KEY)),
                arguments("systemusers(" + ID + ")", new ResourcePath.Entity("systemuser", KEY)),
                arguments("systemusers(domainname='x@y.com')", new ResourcePath.Entity("systemuser",
                        new Key.AlternateKeyValues(Map.of("domainname", "x@y.com")))),
                arguments("systemusers(domainname='O''Hara%40contoso.com')", new ResourcePath.Entity("systemuser",
                        new Key.AlternateKeyValues(Map.of("domainname", "O'Hara@contoso.com")))),
                arguments("systemusers(domainname='x@y.com')/fullname", new ResourcePath.EntityProperty("systemuser",
                        new Key.AlternateKeyValues(Map.of("domainname", "x@y.com")), "fullname", false)),
                arguments("sensei_projects(" + ID + ")/sensei_name",
                        new ResourcePath.EntityProperty("sensei_project", KEY, "sensei_name", false)),
                arguments("sensei_projects(" + ID + ")/sensei_name/$value",
                        new ResourcePath.EntityProperty("sensei_project", KEY, "sensei_name", true)),
                arguments("sensei_programs(" + ID + ")/sensei_project_sensei_program", PROJECTS_OF_PROGRAM),
                arguments("sensei_programs({" + ID + "})/sensei_project_sensei_program", PROJECTS_OF_PROGRAM),
                arguments("sensei_programs(" + ID + ")/sensei_project_sensei_program(" + ID2 + ")",
                        new ResourcePath.NavigationEntity(PROJECTS_OF_PROGRAM, KEY2)),
                arguments("sensei_programs(" + ID + ")/sensei_project_sensei_program/$count",
                        new ResourcePath.NavigationCount(PROJECTS_OF_PROGRAM)),
                arguments("sensei_programs(" + ID + ")/sensei_project_sensei_program/$ref",
                        new ResourcePath.Ref(PROJECTS_OF_PROGRAM, Optional.empty())),
                arguments("sensei_programs(" + ID + ")/sensei_project_sensei_program(" + ID2 + ")/$ref",
                        new ResourcePath.Ref(PROJECTS_OF_PROGRAM, Optional.of(KEY2))),
                arguments("sensei_projects(" + ID + ")/sensei_program", PROGRAM_OF_PROJECT),
                arguments("sensei_projects(" + ID + ")/sensei_program/$ref", new ResourcePath.Ref(PROGRAM_OF_PROJECT, Optional.empty())),
                arguments("sensei_projects(" + ID + ")/ownerid",
                        new Navigation("sensei_project", KEY, "ownerid", EdmFactory.PRINCIPAL, false)),
                arguments("WhoAmI()", new ResourcePath.FunctionCall("WhoAmI", Map.of())),
                arguments("WhoAmI", new ResourcePath.FunctionCall("WhoAmI", Map.of())));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("paths")
    void parsesPath(String path, ResourcePath expected) {
        assertThat(PARSER.parse(path, null).path()).isEqualTo(expected);
    }
}
