package com.outboxwallet.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * NullAway checks only @NullMarked code (the build's {@code OnlyNullMarked}), so a package without a
 * {@code package-info.java} saying so would compile unchecked without anyone noticing. This looks at every package of
 * main code the pipeline runs (the services, the shared modules, the local stack) and wants each marked.
 */
class NullMarkedPackagesTest {

    @Test
    void everyPackageOfMainCodeIsNullMarked() throws IOException {
        Set<String> packages = mainPackages();
        assertThat(packages)
                .as("packages found")
                .contains(
                        "com.outboxwallet.api",
                        "com.outboxwallet.relay",
                        "com.outboxwallet.ledger",
                        "com.outboxwallet.local",
                        "com.outboxwallet.process");

        List<String> unmarked =
                packages.stream().filter(name -> !isNullMarked(name)).toList();

        assertThat(unmarked)
                .as("packages without @NullMarked in their package-info.java")
                .isEmpty();
    }

    private static Set<String> mainPackages() throws IOException {
        Set<String> packages = new TreeSet<>();
        for (Resource type :
                new PathMatchingResourcePatternResolver().getResources("classpath*:com/outboxwallet/**/*.class")) {
            String location = type.getURL().toString();
            if (location.contains("/test-classes/")) {
                continue; // tests pass nulls on purpose and are not checked
            }
            String path = location.substring(location.lastIndexOf("com/outboxwallet/"));
            packages.add(path.substring(0, path.lastIndexOf('/')).replace('/', '.'));
        }
        return packages;
    }

    private static boolean isNullMarked(String packageName) {
        try {
            return Class.forName(packageName + ".package-info").isAnnotationPresent(NullMarked.class);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
