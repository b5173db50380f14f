package com.outboxwallet.local.processes;

import com.outboxwallet.local.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the build left each module's executable jar ({@code <module>/target/<module>-<version>-exec.jar}):
 * {@code ./run-local} builds them before it starts anything.
 */
record ExecutableJars(Path repository) {

    /** The repository this runs in: the working directory or the nearest one above it holding local-stack. */
    static ExecutableJars ofWorkingDirectory() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve("local-stack"))
                    && Files.isDirectory(directory.resolve("api-service"))) {
                return new ExecutableJars(directory);
            }
        }
        throw new IllegalStateException("run this from the repository (no local-stack/ and api-service/ in "
                + Path.of("").toAbsolutePath() + " or above)");
    }

    Path of(Service service) {
        return jar(service.module());
    }

    Path localStack() {
        return jar("local-stack");
    }

    private Path jar(String module) {
        Path target = repository.resolve(module).resolve("target");
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
                + " ./mvnw -q -DskipTests -pl local-stack -am package");
    }
}
