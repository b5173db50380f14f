package com.outboxwallet.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the repository's Markdown leads somewhere: the README and the documents point a newcomer from
 * one to the next, and a section that moves silently breaks the links into it. For each {@code [text](target)} outside
 * code, in every {@code *.md} of the repository (build output, {@code node_modules} and hidden folders other than
 * {@code .github} left out), the target must exist, relative to the document's folder, and a {@code #anchor} into a
 * Markdown file must be made by one of its headings under GitHub's rules. Links with a scheme (https, mailto) are not
 * followed: this checks the repository, not the web. It runs in {@code ./mvnw -B verify}, so {@code .ci/run} checks it.
 */
class DocumentLinksTest {

    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

    @Test
    void everyRelativeLinkInTheDocumentsResolves() {
        List<Path> documents = markdownFiles();
        assertThat(documents)
                .as("the documents found")
                .contains(ROOT.resolve("README.md"), ROOT.resolve("docs/configuration.md"));

        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            for (Link link : links(read(document))) {
                String problem = problemWith(document, link.target(), anchors);
                if (problem != null) {
                    broken.add(ROOT.relativize(document) + ":" + link.line() + ": (" + link.target() + ") " + problem);
                }
            }
        }
        assertThat(broken).as("broken relative links").isEmpty();
    }

    /** The rules the check relies on, on headings the documents have, so that a wrong rule fails here first. */
    @Test
    void anchorsAreTheOnesGitHubMakes() {
        String document = String.join(
                "\n",
                "# Runbook",
                "### What to watch",
                "### `replay`: rebuild the ledger from the topic",
                "### CDC mode (`relay.mode=cdc`)",
                "### Re-publishing (a topic was lost, a consumer must start over)",
                "```bash",
                "# a comment in code, not a heading",
                "```",
                "### What to watch",
                "## The [whole](x.md) pipeline — over HTTP ##",
                "### `relay_cdc_offsets` and 2 cores",
                "### What to watch");
        assertThat(anchorsIn(document))
                .containsExactly(
                        "runbook",
                        "what-to-watch",
                        "replay-rebuild-the-ledger-from-the-topic",
                        "cdc-mode-relaymodecdc",
                        "re-publishing-a-topic-was-lost-a-consumer-must-start-over",
                        "what-to-watch-1",
                        "the-whole-pipeline--over-http",
                        "relay_cdc_offsets-and-2-cores",
                        "what-to-watch-2");
    }

    @Test
    void linksInCodeAreNotLinks() {
        String document = String.join(
                "\n",
                "See [the runbook](docs/runbook.md#alerts) and `[not](a-link.md)`.",
                "```",
                "[also not](a-link.md)",
                "```",
                "A link whose text [wraps",
                "a line](docs/api.md \"title\") and ![an image](docs/diagram.png);",
                "<https://example.com> is not relative.");
        assertThat(links(document))
                .containsExactly(
                        new Link(1, "docs/runbook.md#alerts"),
                        new Link(5, "docs/api.md"),
                        new Link(6, "docs/diagram.png"));
    }

    /** The check itself fails on what it is for, so that an empty list of broken links means something. */
    @Test
    void aMissingFileOrHeadingIsBroken() {
        Path readme = ROOT.resolve("README.md");
        Map<Path, Set<String>> anchors = new HashMap<>();
        assertThat(problemWith(readme, "docs/runbook.md#alerts", anchors)).isNull();
        assertThat(problemWith(readme, "#walk-through", anchors)).isNull();
        assertThat(problemWith(readme, "https://example.com/nowhere.md", anchors))
                .isNull();
        assertThat(problemWith(readme, "docs/no-such-document.md", anchors)).startsWith("no such file");
        assertThat(problemWith(readme, "docs/runbook.md#no-such-heading", anchors))
                .isEqualTo("no heading of docs/runbook.md makes #no-such-heading");
        assertThat(problemWith(readme, "../outside.md", anchors)).isEqualTo("leads outside the repository");
    }

    record Link(int line, String target) {}

    /** Null when the link resolves, else what is wrong with it. */
    private static String problemWith(Path document, String target, Map<Path, Set<String>> anchors) {
        if (target.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = decode(hash < 0 ? target : target.substring(0, hash));
        String anchor = hash < 0 ? null : decode(target.substring(hash + 1));
        Path resolved = path.isEmpty()
                ? document
                : path.startsWith("/")
                        ? ROOT.resolve(path.substring(1)).normalize()
                        : document.getParent().resolve(path).normalize();
        if (!resolved.startsWith(ROOT)) {
            return "leads outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file: " + ROOT.relativize(resolved);
        }
        // Anchors into other files (a source line, a YAML key) are the browser's business; headings are ours.
        if (anchor == null || !resolved.getFileName().toString().endsWith(".md") || Files.isDirectory(resolved)) {
            return null;
        }
        Set<String> headings = anchors.computeIfAbsent(resolved, file -> anchorsIn(read(file)));
        return headings.contains(anchor) ? null : "no heading of " + ROOT.relativize(resolved) + " makes #" + anchor;
    }

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");

    /**
     * The anchors GitHub gives a document's headings (its github-slugger): the heading's text as rendered (a link is
     * its text), lower-cased, every character but letters, digits, marks, underscores, hyphens and spaces dropped, each
     * space a hyphen; a repeated one gets {@code -1}, {@code -2}, … Only ATX headings ({@code ## …}): the documents
     * use no other kind.
     */
    static Set<String> anchorsIn(String document) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (String line : outsideFences(document)) {
            Matcher heading = HEADING.matcher(line);
            if (!heading.matches()) {
                continue;
            }
            String text = INLINE_LINK.matcher(heading.group(1)).replaceAll("$1");
            String slug = text.trim()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}\\p{M}\\p{Pc} -]", "")
                    .replace(' ', '-');
            String unique = slug;
            while (occurrences.containsKey(unique)) {
                int count = occurrences.merge(slug, 1, Integer::sum);
                unique = slug + "-" + count;
            }
            occurrences.put(unique, 0);
            anchors.add(unique);
        }
        return anchors;
    }

    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
    private static final Pattern LINK = Pattern.compile(
            "\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\]\\(\\s*(<[^>\\n]*>|[^\\s()<>]+)(?:\\s+\"[^\"]*\")?\\s*\\)");

    /**
     * The inline links and images of a document, with the line each starts on. Code is blanked out first, fenced
     * blocks and code spans alike, so that an example in code is not taken for a link; a link's text may wrap a line.
     */
    static List<Link> links(String document) {
        List<String> lines = outsideFences(document);
        String text = String.join(
                "\n",
                lines.stream()
                        .map(line -> CODE_SPAN
                                .matcher(line)
                                .replaceAll(code -> "x".repeat(code.group().length())))
                        .toList());
        List<Link> links = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String target = link.group(1);
            if (target.startsWith("<")) {
                target = target.substring(1, target.length() - 1);
            }
            int line = 1
                    + (int) text.substring(0, link.start())
                            .chars()
                            .filter(c -> c == '\n')
                            .count();
            links.add(new Link(line, target));
        }
        return links;
    }

    /** The document's lines, those in fenced code blocks (and their fences) blank, so that line numbers still hold. */
    private static List<String> outsideFences(String document) {
        List<String> lines = new ArrayList<>();
        String fence = null;
        for (String line : document.split("\n", -1)) {
            Matcher opening = FENCE.matcher(line);
            if (fence == null && opening.find()) {
                fence = opening.group(1);
                lines.add("");
            } else if (fence != null) {
                String closing = line.strip();
                char mark = fence.charAt(0);
                if (closing.startsWith(fence) && closing.chars().allMatch(c -> c == mark)) {
                    fence = null;
                }
                lines.add("");
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String decode(String text) {
        return text.contains("%") ? URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8) : text;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every Markdown file GitHub shows: build output, installed packages and hidden folders but .github left out. */
    private static List<Path> markdownFiles() {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = name.equals("target")
                            || name.equals("node_modules")
                            || (name.startsWith(".") && !name.equals(".github"));
                    return !dir.equals(ROOT) && skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().endsWith(".md")) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // A file the build's user may not read (a database's files in an ignored folder) holds no docs.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }
}
