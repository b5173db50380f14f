package com.outboxwallet.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published descriptions of the contract name every header and payload field the code sends. */
class ContractDocumentsTest {

    private static final Path DOCS = Path.of("..", "..", "docs");

    @Test
    void asyncApiAndEventsDocNameEveryHeader() throws IOException {
        String asyncApi = Files.readString(DOCS.resolve("asyncapi.yaml"));
        String events = Files.readString(DOCS.resolve("events.md"));

        for (String header : headerNames()) {
            assertThat(asyncApi).as("asyncapi.yaml").contains(header + ":");
            assertThat(events).as("events.md").contains("`" + header + "`");
        }
    }

    @Test
    void asyncApiAndEventsDocNameEveryPayloadField() throws IOException {
        String asyncApi = Files.readString(DOCS.resolve("asyncapi.yaml"));
        String events = Files.readString(DOCS.resolve("events.md"));

        for (Class<?> payload : List.of(TopUpAccepted.class, TopUpReversed.class, Funding.class)) {
            for (RecordComponent field : payload.getRecordComponents()) {
                assertThat(asyncApi).as("asyncapi.yaml").contains(field.getName() + ":");
                assertThat(events).as("events.md").contains("\"" + field.getName() + "\"");
            }
        }
        assertThat(asyncApi).contains(TopUpReversed.TYPE);
        assertThat(events).contains(TopUpReversed.TYPE);
        assertThat(asyncApi).contains(TopUpAccepted.TYPE, WalletTopics.WALLET_EVENTS);
    }

    private static List<String> headerNames() {
        return Arrays.stream(CloudEventHeaders.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .filter(field -> !field.getName().equals("SPEC_VERSION_1_0")
                        && !field.getName().equals("JSON"))
                .map(ContractDocumentsTest::value)
                .toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
