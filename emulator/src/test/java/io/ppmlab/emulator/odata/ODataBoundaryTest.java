package io.ppmlab.emulator.odata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The odata package knows no HTTP server: the Javalin layer hands it path and query strings. */
class ODataBoundaryTest {
    @Test void odataImportsNoHttpServerTypes() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ppmlab.emulator.odata");
        noClasses().that().resideInAPackage("io.ppmlab.emulator.odata..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "javax.servlet..", "jakarta.servlet..")
                .check(classes);
    }

    @Test void theRequestModelDoesNotExposeOlingo() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ppmlab.emulator.odata.model");
        noClasses().that().resideInAPackage("io.ppmlab.emulator.odata.model..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.olingo..")
                .check(classes);
    }
}
