package io.ppmlab.emulator.security;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The evaluator is pure Java over values: no HTTP, no storage. */
class SecurityPurityTest {
    @Test
    void securityImportsNeitherJavalinNorChronicle() {
        noClasses().that().resideInAPackage("io.ppmlab.emulator.security..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "net.openhft..", "io.ppmlab.emulator.store..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.ppmlab.emulator.security"));
    }
}
