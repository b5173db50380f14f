package com.outboxwallet.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.MapPropertySource;

/**
 * A service's process, started the one way whoever starts it (its {@code main}, the local stack, a benchmark, a test):
 * the service's Spring application, reading the service's own configuration file, in one {@link ProcessRole} decided
 * here: serving, or running the operator command its arguments name.
 */
public final class ServiceProcess {

    private final Class<?> application;
    private final String name;

    /**
     * @param application the service's {@code @SpringBootApplication} class
     * @param name        the service's name, and its configuration file's: {@code <name>.yml}, not
     *                    {@code application.yml}, since the local stack runs all three services in one JVM, where
     *                    three {@code application.yml} files would shadow each other
     */
    public ServiceProcess(Class<?> application, String name) {
        this.application = application;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /**
     * Serves; or, when the arguments name an operator command or ask for {@code --help}, runs it and exits with its
     * code.
     */
    public void main(String[] args, Function<ServiceProcess, OperatorCommandLine> commands) {
        if (OperatorCommandLine.isCommand(args)) {
            System.exit(commands.apply(this).execute(args));
        }
        application().run(args);
    }

    /** The serving application, not yet run. */
    public SpringApplication application() {
        return application(ProcessRole.SERVING, Map.of(), Map.of());
    }

    /**
     * Runs an operator command's work in the service's application, without its web server or anything else that only
     * serving makes, and closes it.
     *
     * @param settings  the command's own settings, above anything the environment or the operator sets
     * @param arguments the operator's settings of the service ({@code --spring.datasource.url=...})
     */
    int run(String command, Map<String, Object> settings, List<String> arguments, CommandWork work) throws Exception {
        // The command's own output is its report; the framework's INFO lines would bury it. A default, so that an
        // operator can still ask for them.
        SpringApplication spring =
                application(ProcessRole.running(command), settings, Map.of("logging.level.root", "WARN"));
        spring.setWebApplicationType(WebApplicationType.NONE);
        spring.setBannerMode(Banner.Mode.OFF);
        ConfigurableApplicationContext context;
        try {
            context = spring.run(arguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "the service's application did not start: "
                            + NestedExceptionUtils.getMostSpecificCause(e).getMessage(),
                    e);
        }
        try (context) {
            return work.run(context);
        }
    }

    private SpringApplication application(ProcessRole role, Map<String, Object> fixed, Map<String, Object> defaults) {
        SpringApplication spring = new SpringApplication(application);
        spring.setMainApplicationClass(application); // not the launcher whose main() called this
        Map<String, Object> beneath = new HashMap<>(defaults);
        beneath.put("spring.config.name", name);
        spring.setDefaultProperties(beneath);
        Map<String, Object> above = new HashMap<>(fixed);
        above.put(ProcessRole.PROPERTY, role.setting());
        // First among the property sources, so that no environment variable or operator's setting changes the role (a
        // command whose process also served would publish beside the live relay).
        spring.addInitializers(context -> context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("service-process", above)));
        return spring;
    }
}
