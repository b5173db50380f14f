package com.outboxwallet.commands;

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
 * A service's own application, as an operator command runs it: the service's configuration and settings, no web
 * server, and the service's background work (a listener, publishing loops) kept off.
 */
public final class ServiceApplication {

    private final Function<Map<String, Object>, SpringApplication> application;
    private final Map<String, Object> settings;

    /**
     * @param application the service's application, given defaults beneath its own configuration
     * @param settings    what every command of the service needs, e.g. that its background work stays off
     */
    public ServiceApplication(
            Function<Map<String, Object>, SpringApplication> application, Map<String, Object> settings) {
        this.application = application;
        this.settings = Map.copyOf(settings);
    }

    int run(String command, Map<String, Object> commandSettings, List<String> arguments, CommandWork work)
            throws Exception {
        Map<String, Object> fixed = new HashMap<>(settings);
        fixed.putAll(commandSettings);
        fixed.put(OperatorCommandLine.COMMAND_PROPERTY, command);
        // The command's own output is its report; the framework's INFO lines would bury it. A default, so that an
        // operator can still ask for them.
        SpringApplication spring = application.apply(Map.of("logging.level.root", "WARN"));
        spring.setWebApplicationType(WebApplicationType.NONE);
        spring.setBannerMode(Banner.Mode.OFF);
        // First among the property sources, so that no environment variable or operator's setting undoes them (a
        // command that started the relay's publishing loops would publish beside the live relay).
        spring.addInitializers(context -> context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("operator-command", fixed)));
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
}
