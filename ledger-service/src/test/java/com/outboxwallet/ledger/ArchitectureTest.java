package com.outboxwallet.ledger;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.outboxwallet.process.ConditionalOnServing;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.outboxwallet.ledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The ledger knows the wallet only through its events, never through the api-service's code or tables. */
    @ArchTest
    static final ArchRule noOtherServiceCode = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.outboxwallet.api..", "com.outboxwallet.relay..");

    /** The ledger's domain knows nothing of HTTP or Kafka: the listener and controllers call it. */
    @ArchTest
    static final ArchRule ledgerHasNoTransportTypes = noClasses()
            .that()
            .resideInAPackage("com.outboxwallet.ledger.bookkeeping")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.web..",
                    "org.springframework.http..",
                    "jakarta.servlet..",
                    "org.apache.kafka..",
                    "org.springframework.kafka..");

    /**
     * Operator commands use the service; the running service never reaches for them. It may say which of its beans
     * only serving makes, and nothing else of the process library.
     */
    @ArchTest
    static final ArchRule theServiceDoesNotDependOnOperatorCommands = noClasses()
            .that()
            .resideInAnyPackage(
                    "com.outboxwallet.ledger.consumer..",
                    "com.outboxwallet.ledger.bookkeeping..",
                    "com.outboxwallet.ledger.web..",
                    "com.outboxwallet.ledger.console..")
            .should()
            .dependOnClassesThat(resideInAnyPackage(
                            "com.outboxwallet.ledger.operations..",
                            "com.outboxwallet.ledger.replay..",
                            "com.outboxwallet.ledger.reconcile..",
                            "com.outboxwallet.ledger.deadletters..")
                    .or(resideInAPackage("com.outboxwallet.process..")
                            .and(not(belongToAnyOf(ConditionalOnServing.class)))));

    /**
     * The console reads the relay over HTTP and the ledger's own meters and tables; the ledger's domain and consumer
     * know nothing of it.
     */
    @ArchTest
    static final ArchRule nothingDependsOnTheConsole = noClasses()
            .that()
            .resideOutsideOfPackage("com.outboxwallet.ledger.console..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.outboxwallet.ledger.console..");

    @ArchTest
    static final ArchRule featuresDoNotFormCycles =
            slices().matching("com.outboxwallet.ledger.(*)..").should().beFreeOfCycles();
}
