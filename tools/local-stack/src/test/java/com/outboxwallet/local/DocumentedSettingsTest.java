package com.outboxwallet.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * A service's defaults live in one place, its own YAML (the records bind them and validate, nothing more), and the
 * settings table in docs/configuration.md says what they are. This test binds every {@code @ConfigurationProperties}
 * record of each service from that YAML alone (no profile, no environment) and holds the table to it, both ways: every
 * setting of every record has a row, and every row's default is the value the YAML gives, compared as the bound type
 * (so {@code 60s} and {@code 1m} are the same duration). A row whose default is not a literal ("none", "unset: …")
 * says the YAML sets nothing.
 */
class DocumentedSettingsTest {

    private static final Path CONFIGURATION = Path.of("..", "..", "docs", "configuration.md");

    enum Service {
        API("api-service", "com.outboxwallet.api"),
        RELAY("outbox-relay", "com.outboxwallet.relay"),
        LEDGER("ledger-service", "com.outboxwallet.ledger");

        final String configName;
        final String basePackage;

        Service(String configName, String basePackage) {
            this.configName = configName;
            this.basePackage = basePackage;
        }

        /** The service's own YAML, without its profile documents, as the service reads it. */
        MutablePropertySources yaml() {
            try {
                MutablePropertySources sources = new MutablePropertySources();
                new YamlPropertySourceLoader()
                        .load(configName, new ClassPathResource(configName + ".yml")).stream()
                                .filter(document -> !document.containsProperty("spring.config.activate.on-profile"))
                                .forEach(sources::addLast);
                return sources;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Binder binder() {
            MutablePropertySources sources = yaml();
            return new Binder(
                    ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
        }

        /** Every settings record of the service with its prefix. */
        Map<Class<?>, String> settingsRecords() {
            ClassPathScanningCandidateComponentProvider scanner =
                    new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
            Map<Class<?>, String> records = new LinkedHashMap<>();
            for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
                Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
                ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
                records.put(type, annotation.value().isEmpty() ? annotation.prefix() : annotation.value());
            }
            return records;
        }
    }

    /** One setting of a record: its full name, its type, and the value the YAML binds it to (null when none). */
    record Setting(String name, ResolvableType type, Object value) {}

    @ParameterizedTest
    @EnumSource(Service.class)
    void everySettingOfTheServiceHasARowWhoseDefaultIsTheValueItsYamlGives(Service service) {
        Map<String, String> documented = documentedDefaults();
        Binder yaml = service.binder();
        List<Setting> settings = settingsOf(service);
        assertThat(settings).as("%s has settings records", service).isNotEmpty();

        List<String> problems = new ArrayList<>();
        for (Setting setting : settings) {
            if (!documented.containsKey(setting.name())) {
                problems.add(setting.name() + " has no row in docs/configuration.md's settings table");
                continue;
            }
            String written = documented.get(setting.name());
            if (written == null) {
                // The YAML itself, not the bound value: a record may make one up where none is set (relay.instance-id).
                String given = yaml.bind(setting.name(), String.class).orElse("");
                if (!given.isBlank()) {
                    problems.add(setting.name() + ": docs/configuration.md says none, " + service.configName
                            + ".yml gives " + given);
                }
            } else if (!bindText(written, setting.type()).equals(Optional.ofNullable(setting.value()))) {
                problems.add(setting.name() + ": docs/configuration.md says " + written + ", " + service.configName
                        + ".yml gives " + setting.value());
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Rows for framework settings (spring.*, management.*, …): each YAML that sets one sets what the row says. */
    @Test
    void everyFrameworkSettingInTheTableIsWhatTheServicesYamlSays() {
        List<String> recordSettings = Arrays.stream(Service.values())
                .flatMap(service -> settingsOf(service).stream())
                .map(Setting::name)
                .toList();
        List<String> problems = new ArrayList<>();
        documentedDefaults().forEach((name, written) -> {
            if (recordSettings.contains(name)) {
                return;
            }
            List<String> given = new ArrayList<>();
            for (Service service : Service.values()) {
                service.binder().bind(name, String.class).ifBound(value -> given.add(value));
            }
            if (written == null
                    ? !given.stream().allMatch(String::isEmpty)
                    : given.isEmpty() || !given.stream().allMatch(written::equals)) {
                problems.add(name + ": docs/configuration.md says " + (written == null ? "none" : written)
                        + ", the YAML gives " + given);
            }
        });
        assertThat(problems).isEmpty();
    }

    private static List<Setting> settingsOf(Service service) {
        Binder binder = service.binder();
        List<Setting> settings = new ArrayList<>();
        service.settingsRecords().forEach((type, prefix) -> {
            Object bound = binder.bind(prefix, Bindable.of(type)).orElse(null);
            collect(prefix, type, bound, settings);
        });
        return settings;
    }

    /** Walks nested settings records down to their leaves; anything not a record of the project is a leaf. */
    private static void collect(String prefix, Class<?> type, Object bound, List<Setting> into) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Object value = bound == null ? null : read(component, bound);
            if (component.getType().isRecord() && component.getType().getName().startsWith("com.outboxwallet.")) {
                collect(name, component.getType(), value, into);
            } else {
                into.add(new Setting(name, ResolvableType.forType(component.getGenericType()), value));
            }
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Object> bindText(String text, ResolvableType type) {
        return new Binder(new MapConfigurationPropertySource(Map.of("value", text)))
                .bind("value", Bindable.of(type))
                .map(Object.class::cast)
                .map(Optional::of)
                .orElse(Optional.empty());
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    /**
     * The settings table: setting name to its default as written, or null where it has none. A row may name several
     * settings ({@code `relay.topic.name` / `.partitions`}: a leading dot replaces the last part of the first name)
     * with one default each or one for all; anything in brackets (environment variables, local values) is commentary.
     */
    static Map<String, String> documentedDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : configurationDocument()) {
            if (line.startsWith("| setting | default |")) {
                inTable = true;
            } else if (inTable && !line.startsWith("|")) {
                break;
            } else if (inTable && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                List<String> names = names(cells[1]);
                List<String> values = Arrays.stream(withoutBrackets(cells[2]).split(" / "))
                        .map(DocumentedSettingsTest::literal)
                        .toList();
                assertThat(values.size()).as("defaults of %s", names).isIn(1, names.size());
                for (int i = 0; i < names.size(); i++) {
                    defaults.put(names.get(i), values.get(values.size() == 1 ? 0 : i));
                }
            }
        }
        assertThat(defaults).as("docs/configuration.md's settings table").isNotEmpty();
        return defaults;
    }

    private static List<String> names(String cell) {
        List<String> names = new ArrayList<>();
        for (String part : withoutBrackets(cell).split(" / ")) {
            String name = literal(part);
            assertThat(name).as("a setting in docs/configuration.md: %s", cell).isNotNull();
            names.add(
                    name.startsWith(".")
                            ? names.getFirst().substring(0, names.getFirst().lastIndexOf('.')) + name
                            : name);
        }
        return names;
    }

    private static String literal(String text) {
        Matcher code = CODE.matcher(text);
        return code.find() ? code.group(1) : null;
    }

    private static String withoutBrackets(String text) {
        return text.replaceAll("\\([^)]*\\)", "");
    }

    private static List<String> configurationDocument() {
        try {
            return Files.readAllLines(CONFIGURATION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
