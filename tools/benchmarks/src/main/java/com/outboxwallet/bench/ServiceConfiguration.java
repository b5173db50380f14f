package com.outboxwallet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * A service's own configuration file ({@code outbox-relay.yml}, {@code ledger-service.yml}) read from the classpath
 * as the service reads it, for settings a benchmark must share with the service instead of copying them.
 */
final class ServiceConfiguration {

    private ServiceConfiguration() {}

    /** @param overrides settings that win over the file's, as a command-line argument would */
    static Binder of(String configName, Map<String, Object> overrides) {
        List<PropertySource<?>> sources = new ArrayList<>();
        sources.add(new MapPropertySource("benchmark", overrides));
        try {
            sources.addAll(new YamlPropertySourceLoader().load(configName, new ClassPathResource(configName + ".yml")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + configName + ".yml", e);
        }
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
    }
}
