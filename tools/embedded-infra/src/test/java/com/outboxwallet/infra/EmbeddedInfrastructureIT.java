package com.outboxwallet.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureIT {

    @Test
    void postgresIsConfiguredForLogicalDecodingAndDurableCommits() throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedInfrastructure.shared().postgres();
        String url = postgres.createDatabase("probe");
        postgres.createDatabase("probe"); // a second start finds it there

        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "")) {
            assertThat(setting(connection, "wal_level")).isEqualTo("logical");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(connection, "server_version")).startsWith("17.");
        }
    }

    @Test
    void kafkaBrokerAcceptsAndServesRecords() {
        String bootstrap = EmbeddedInfrastructure.shared().kafka().bootstrapServers();
        try (var producer = new KafkaProducer<String, String>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("probe", "key", "hello")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (var consumer = new KafkaConsumer<String, String>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, "probe",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("probe"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int polls = 0; records.isEmpty() && polls < 60; polls++) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records.records("probe")).extracting(r -> r.value()).containsExactly("hello");
        }
    }

    @Test
    void redisAnswersPing() throws Exception {
        int port = EmbeddedInfrastructure.shared().redis().port();
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(in.readNBytes(7), StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void aPostgresLeftRunningByAKilledLauncherDoesNotBlockTheNextStart(@TempDir Path dataDir) throws Exception {
        Process launcher = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        PostgresThatGetsKilled.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .start();
        int port;
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(launcher.getInputStream()))) {
            port = output.lines()
                    .filter(line -> line.startsWith("READY "))
                    .findFirst()
                    .map(line -> Integer.parseInt(line.substring(6).trim()))
                    .orElseThrow(() -> new AssertionError("child never started PostgreSQL"));
            launcher.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
        }
        long orphanPid = Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive))
                .as("orphaned postmaster")
                .isPresent();

        try (EmbeddedPostgresServer next = EmbeddedPostgresServer.start(port, dataDir, true);
                Connection connection =
                        DriverManager.getConnection(next.jdbcUrl("postgres"), EmbeddedPostgresServer.USER, "")) {
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive))
                    .as("orphaned postmaster")
                    .isEmpty();
            assertThat(setting(connection, "wal_level")).isEqualTo("logical");
        }
    }

    private static String setting(Connection connection, String name) throws Exception {
        try (ResultSet rs = connection.createStatement().executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
