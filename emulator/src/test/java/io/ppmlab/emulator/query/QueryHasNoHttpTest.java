package io.ppmlab.emulator.query;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The query engine takes request records and returns response records: no HTTP library, no Chronicle type. */
class QueryHasNoHttpTest {

    @Test
    void queryImportsNoHttpLibraryAndNoStorageInternals() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ppmlab.emulator.query");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..", "javax.servlet..",
                        "java.net.http..", "net.openhft..")
                .check(classes);
    }
}
