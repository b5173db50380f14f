package com.outboxwallet.ledger.operations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An operator's command line: words, and options written {@code --name value} or {@code --name=value}. Spring's own
 * parser reads {@code --name value} as an option without a value; operators write it with a space.
 */
public final class CommandArguments {

    private final List<String> words = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    private CommandArguments() {
    }

    public static CommandArguments parse(String... args) {
        CommandArguments parsed = new CommandArguments();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                parsed.words.add(arg);
            } else if (arg.contains("=")) {
                parsed.options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                parsed.options.put(arg.substring(2), args[++i]);
            } else {
                parsed.options.put(arg.substring(2), "");
            }
        }
        return parsed;
    }

    /** @return the n-th word; the command itself is word 0 */
    public Optional<String> word(int n) {
        return n < words.size() ? Optional.of(words.get(n)) : Optional.empty();
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
