package io.ppmlab.emulator.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The auth package is pure Java services: the HTTP layer calls it, never the other way round. */
class AuthHasNoHttpTest {

    @Test
    void authImportsNoHttpLibrary() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ppmlab.emulator.auth");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..", "javax.servlet..", "java.net.http..")
                .check(classes);
    }
}
