package com.outboxwallet.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of a made-up service whose application is an empty Spring context: no database, no broker. */
@ExtendWith(OutputCaptureExtension.class)
class OperatorCommandLineTest {

    private static final ServiceProcess TOY_SERVICE = new ServiceProcess(ToyApplication.class, "toy-service");
    private static final Map<String, String> seen = new HashMap<>();

    @Test
    void theServicesHelpListsItsCommandsAndTheExitCodes(CapturedOutput output) {
        assertThat(toyService().execute("--help")).isEqualTo(OperatorCommandLine.OK);

        assertThat(output.getOut())
                .contains("Usage: toy-service [-h] COMMAND")
                .contains("-jar toy-service-exec.jar COMMAND")
                .contains("count", "Counts the toys.")
                .contains(
                        "Exit codes:",
                        "0   done, nothing wrong",
                        "1   ran, and found a problem",
                        "2   could not do its work")
                .contains("--spring.datasource.url=");
        assertThat(seen).as("no application started").isEmpty();
    }

    @Test
    void aCommandsHelpDescribesEachOptionAndTheExitCodes(CapturedOutput output) {
        assertThat(toyService().execute("count", "--help")).isZero();

        assertThat(output.getOut())
                .contains("Usage: toy-service count [-h] [--fail] --every=<every> [--up-to=<upTo>]")
                .contains("--every=<every>", "How often.")
                .contains("-h, --help")
                .contains("Exit codes:");
        assertThat(seen).isEmpty();
    }

    @Test
    void aBadValueOrAnUnknownOptionIsAUsageErrorWithoutStartingAnything(CapturedOutput output) {
        assertThat(toyService().execute("count", "--every", "PT1S", "--up-to", "many"))
                .isEqualTo(2);
        assertThat(output.getErr())
                .contains("Invalid value for option '--up-to': 'many' is not an int")
                .contains("Usage: toy-service count");

        assertThat(toyService().execute("count", "--every", "PT1S", "--colour", "red"))
                .isEqualTo(2);
        assertThat(output.getErr()).contains("Unknown options: '--colour', 'red'");

        assertThat(toyService().execute("cuont")).isEqualTo(2);
        assertThat(output.getErr())
                .contains("Unmatched argument at index 0: 'cuont'")
                .contains("Did you mean: toy-service count?");
        assertThat(seen).isEmpty();
    }

    @Test
    void aCommandRunsInTheServicesApplicationWithTheOperatorsSettingsBeneathItsOwn() {
        int exitCode = toyService()
                .execute("count", "--every=PT2M", "--up-to", "3", "--toy.colour=red", "--service.role=serve");

        assertThat(exitCode).isEqualTo(OperatorCommandLine.FOUND_PROBLEMS);
        assertThat(seen)
                .containsEntry("every", "PT2M")
                .containsEntry("upTo", "3")
                .containsEntry("toy.colour", "red")
                .containsEntry("role", "running the command 'count'")
                .containsEntry("beans", "[countingOnly]");
    }

    @Test
    void aFailureIsOneLineAndExitCode2(CapturedOutput output) {
        assertThat(toyService().execute("count", "--every", "PT1S", "--fail")).isEqualTo(2);

        assertThat(output.getErr()).contains("count failed: no toys to count").doesNotContain("at com.");
    }

    @Test
    void argumentsNamingACommandOrAskingForHelpAreForTheCommandLineAndSettingsAreForTheService() {
        assertThat(OperatorCommandLine.isCommand("count", "--every", "PT1S")).isTrue();
        assertThat(OperatorCommandLine.isCommand("--spring.profiles.active=local", "count"))
                .isTrue();
        assertThat(OperatorCommandLine.isCommand("--help")).isTrue();
        assertThat(OperatorCommandLine.isCommand("--server.port=0")).isFalse();
        assertThat(OperatorCommandLine.isCommand("--debug")).isFalse();
        assertThat(OperatorCommandLine.isCommand()).isFalse();
    }

    @Test
    void theServingProcessMakesOnlyTheServingBeansWhateverItsSettingsSay() {
        SpringApplication serving = TOY_SERVICE.application();

        try (ConfigurableApplicationContext service =
                serving.run("--spring.main.web-application-type=none", "--service.role=count")) {
            assertThat(ProcessRole.of(service.getEnvironment())).isEqualTo(ProcessRole.SERVING);
            assertThat(service.getBeanNamesForType(String.class)).containsExactly("servingOnly");
        }
    }

    private static OperatorCommandLine toyService() {
        seen.clear();
        return new OperatorCommandLine(TOY_SERVICE, new CountCommand());
    }

    @Configuration(proxyBeanMethods = false)
    static class ToyApplication {

        @Bean
        @ConditionalOnServing
        String servingOnly() {
            return "a web page";
        }

        @Bean
        @ConditionalOnCommand("count")
        String countingOnly() {
            return "a counter";
        }

        @Bean
        @ConditionalOnCommand("paint")
        String paintingOnly() {
            return "a brush";
        }
    }

    @Command(name = "count", description = "Counts the toys.")
    static class CountCommand extends OperatorCommand implements Callable<Integer> {

        @Option(names = "--every", required = true, description = "How often.")
        Duration every;

        @Option(names = "--up-to", description = "How far.")
        int upTo;

        @Option(names = "--fail", description = "Fail instead.")
        boolean fail;

        @Override
        public Integer call() throws Exception {
            return inService(Map.of(), service -> {
                if (fail) {
                    throw new IllegalStateException("no toys to count");
                }
                Environment environment = service.getEnvironment();
                seen.put("every", every.toString());
                seen.put("upTo", String.valueOf(upTo));
                seen.put("toy.colour", environment.getProperty("toy.colour"));
                seen.put("role", ProcessRole.of(environment).toString());
                seen.put("beans", Arrays.toString(service.getBeanNamesForType(String.class)));
                return OperatorCommandLine.FOUND_PROBLEMS;
            });
        }
    }
}
