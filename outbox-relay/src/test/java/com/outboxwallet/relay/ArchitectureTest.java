package com.outboxwallet.relay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.outboxwallet.relay", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The relay forwards the payload as bytes; reading it would couple the relay to every event version. */
    @ArchTest
    static final ArchRule relayDoesNotDecodePayloads = noClasses()
            .should()
            .dependOnClassesThat()
            .haveSimpleName("WalletEventCodec")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleName("TopUpAccepted");

    /** The relay owns no table of the api-service's domain and shares no code with the other services. */
    @ArchTest
    static final ArchRule noOtherServiceCode = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.outboxwallet.api..", "com.outboxwallet.ledger..");

    @ArchTest
    static final ArchRule featuresDoNotFormCycles =
            slices().matching("com.outboxwallet.relay.(*)..").should().beFreeOfCycles();

    /**
     * The application class starts the features; none of them reaches back to it. (The slices above leave out the
     * root package, so a feature importing the application class would be a cycle they do not see.)
     */
    @ArchTest
    static final ArchRule featuresDoNotDependOnTheApplication = noClasses()
            .that()
            .resideOutsideOfPackage("com.outboxwallet.relay")
            .should()
            .dependOnClassesThat()
            .haveSimpleName("OutboxRelayApplication");
}
