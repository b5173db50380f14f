package com.outboxwallet.local.processes;

import com.outboxwallet.infra.EmbeddedKafkaServer;
import java.nio.file.Path;

/**
 * The Kafka broker alone in a JVM, so that it can be killed and restarted without the rest:
 * {@code java -jar local-stack-*-exec.jar kafka <port> <log directory>}. SIGTERM shuts it down cleanly.
 */
public final class KafkaBroker {

    public static final String COMMAND = "kafka";

    private KafkaBroker() {}

    public static void run(String[] args) {
        if (args.length != 3 || !COMMAND.equals(args[0])) {
            throw new IllegalArgumentException("usage: kafka <port> <log directory>");
        }
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(Integer.parseInt(args[1]), Path.of(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "kafka-shutdown"));
        // The broker's own threads keep this JVM running.
    }
}
