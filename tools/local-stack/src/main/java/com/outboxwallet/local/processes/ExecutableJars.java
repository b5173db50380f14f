package com.outboxwallet.local.processes;

import com.outboxwallet.local.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the build left each module's executable jar ({@code <folder>/target/<module>-<version>-exec.jar}, a service's
 * folder its name, the local stack's {@code tools/local-stack}):
 * {@code ./run-local} builds them before it starts anything.
 */
record ExecutableJars(Path repository) {

    /** The local stack's folder in the repository. */
    private static final String LOCAL_STACK = "tools/local-stack";

    /** The repository this runs in: the working directory or the nearest one above it holding the local stack. */
    static ExecutableJars ofWorkingDirectory() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve(LOCAL_STACK))
                    && Files.isDirectory(directory.resolve("api-service"))) {
                return new ExecutableJars(directory);
            }
        }
        throw new IllegalStateException("run this from the repository (no " + LOCAL_STACK + "/ and api-service/ in "
                + Path.of("").toAbsolutePath() + " or above)");
    }

    Path of(Service service) {
        return jar(service.module(), service.module());
    }

    Path localStack() {
        return jar(LOCAL_STACK, "local-stack");
    }

    private Path jar(String folder, String module) {
        Path target = repository.resolve(folder).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches(module + "-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> missing(target));
        } catch (java.nio.file.NoSuchFileException e) {
            throw missing(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException missing(Path target) {
        return new IllegalStateException("no executable jar in " + target + ": build first, e.g."
                + " ./mvnw -q -DskipTests -pl " + LOCAL_STACK + " -am package");
    }
}
