package com.outboxwallet.local.processes;

import com.outboxwallet.infra.EmbeddedKafkaServer;
import com.outboxwallet.infra.KafkaCluster;
import java.nio.file.Path;

/**
 * A Kafka broker alone in a JVM, so that it can be killed and restarted without the rest:
 * {@code java -jar local-stack-*-exec.jar kafka <node id> <cluster> <log directory>}, the cluster as
 * {@link KafkaCluster#asArgument()} writes it. SIGTERM shuts it down cleanly.
 */
public final class KafkaBroker {

    public static final String COMMAND = "kafka";

    private KafkaBroker() {}

    public static void run(String[] args) {
        if (args.length != 4 || !COMMAND.equals(args[0])) {
            throw new IllegalArgumentException("usage: kafka <node id> <cluster id>/<ports>/<ports> <log directory>");
        }
        EmbeddedKafkaServer kafka =
                EmbeddedKafkaServer.startNode(KafkaCluster.parse(args[2]), Integer.parseInt(args[1]), Path.of(args[3]));
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "kafka-shutdown"));
        // The broker's own threads keep this JVM running.
    }
}
