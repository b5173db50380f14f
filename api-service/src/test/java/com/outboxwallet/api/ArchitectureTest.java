package com.outboxwallet.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.outboxwallet.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The domain knows nothing of HTTP: controllers call it, never the reverse. */
    @ArchTest
    static final ArchRule domainHasNoWebTypes = noClasses()
            .that()
            .resideOutsideOfPackages("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..web..", "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule featuresDoNotFormCycles =
            slices().matching("com.outboxwallet.api.(*)..").should().beFreeOfCycles();

    /** The api-service writes events only through its outbox table, never to a broker. */
    @ArchTest
    static final ArchRule noBrokerClient = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");
}
