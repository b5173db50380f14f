package com.outboxwallet.faults;

import com.outboxwallet.faults.History.Ending;
import com.outboxwallet.faults.History.Outcome;
import com.outboxwallet.ledger.LedgerServiceApplication;
import com.outboxwallet.local.InfrastructureEndpoints;
import com.outboxwallet.paysim.SimulatorControl.OrderView;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * After the run, checks the promise the way a bank's auditor would, from the outside: the clients' history against
 * both databases, the topic and the payment provider's record. Every acknowledged top-up is in {@code top_ups} once and in the audit log once; no
 * top-up exists that no client sent, or with another amount; one sent but never answered is applied at most once;
 * every wallet's balance is the sum of its top-ups and the ledger's projection agrees; the topic carries each wallet's
 * sequences 1…version without a gap; every poison record written (the {@code poison-record} fault) is on the
 * dead-letter topic and nothing else is; the ledger's own {@code reconcile} passes. The funded top-ups are checked
 * against the provider ({@link FundedTopUpCheck}), and every balance is its top-ups less what reversals took back.
 */
final class Checker {

    static final String TOPIC = "wallet.events";
    static final String DEAD_LETTERS = "wallet.events.dlt";

    private final InfrastructureEndpoints endpoints;
    private final Map<String, Integer> userNumbers;

    /** @param userNumbers each user of the run by username, numbered as the planned top-ups name them */
    Checker(InfrastructureEndpoints endpoints, Map<String, Integer> userNumbers) {
        this.endpoints = endpoints;
        this.userNumbers = userNumbers;
    }

    private record TopUpRow(
            String id,
            String username,
            String key,
            BigDecimal amount,
            String walletId,
            long version,
            @Nullable String paymentId,
            @Nullable Instant committedAt) {}

    private record WalletRow(String id, BigDecimal balance, long version) {}

    private record LedgerRow(int copies, @Nullable Instant committedAt) {}

    private record Projection(BigDecimal balance, long lastSequence) {}

    /** What the topic holds: per wallet the sequences seen, and how many records repeated an event id. */
    private record TopicContents(Map<String, Set<Long>> sequences, long records, long duplicates) {}

    Findings check(History history, List<PoisonRecords.Poison> poisons, List<OrderView> orders) throws SQLException {
        List<String> violations = new ArrayList<>();
        Map<String, TopUpRow> topUps = topUps();
        List<FundedTopUpCheck.Reversal> reversals = reversals(endpoints.walletDatabaseUrl(), """
                SELECT id::text, payment_id::text, wallet_id::text, amount, debited FROM payment_reversals""");
        FundedFindings funded = new FundedTopUpCheck(userNumbers)
                .check(
                        history,
                        payments(),
                        topUps.values().stream()
                                .filter(row -> row.paymentId() != null)
                                .map(row -> new FundedTopUpCheck.Credit(
                                        row.id(), Objects.requireNonNull(row.paymentId()), row.amount()))
                                .toList(),
                        reversals,
                        reversals(endpoints.ledgerDatabaseUrl(), """
                                SELECT reversal_id::text, payment_id::text, wallet_id::text, amount, debited
                                  FROM ledger_reversals"""),
                        orders);
        violations.addAll(funded.violations());
        Map<String, WalletRow> wallets = wallets();
        Map<String, LedgerRow> ledger = auditLog();
        Map<String, Projection> projections = projections();

        Map<String, TopUpRow> byKey = new HashMap<>();
        long unsent = 0;
        for (TopUpRow row : topUps.values()) {
            if (byKey.put(row.username() + "/" + row.key(), row) != null) {
                violations.add("two top-ups under one key: " + row.username() + " " + row.key());
            }
            if (row.paymentId() != null) {
                continue; // a settlement's credit, checked against its payment
            }
            var sent = history.sentUnder(row.key());
            Integer user = userNumbers.get(row.username());
            if (sent.isEmpty()
                    || user == null
                    || sent.get().user() != user
                    || sent.get().amount().compareTo(row.amount()) != 0) {
                unsent++;
                violations.add("a top-up no client sent: " + row.id() + " " + row.username() + " " + row.key() + " "
                        + row.amount());
            }
        }

        long lost = 0;
        long doubleApplied = 0;
        long indeterminateApplied = 0;
        for (Ending ending : history.endings()) {
            PlannedTopUp planned = ending.topUp();
            if (planned.funded()) {
                continue; // a payment, checked against the provider
            }
            TopUpRow row = byKey.get(username(planned.user()) + "/" + planned.idempotencyKey());
            if (ending.outcome() == Outcome.ACKNOWLEDGED) {
                if (row == null || !row.id().equals(ending.id())) {
                    lost++;
                    violations.add(
                            "acknowledged as " + ending.id() + " but not in top_ups: key " + planned.idempotencyKey());
                }
            } else if (ending.outcome() == Outcome.INDETERMINATE && row != null) {
                indeterminateApplied++;
            } else if (ending.outcome() == Outcome.REFUSED && row != null) {
                violations.add("refused, yet applied: " + row.id()); // the client was told a falsehood
            }
        }
        long maxDelayMillis = 0;
        for (TopUpRow row : topUps.values()) {
            LedgerRow audited = ledger.get(row.id());
            if (audited == null) {
                lost++;
                violations.add("in top_ups but not in the audit log: " + row.id());
            } else {
                if (audited.copies() > 1) {
                    doubleApplied++;
                    violations.add("in the audit log " + audited.copies() + " times: " + row.id());
                }
                if (row.committedAt() != null && audited.committedAt() != null) {
                    maxDelayMillis = Math.max(
                            maxDelayMillis,
                            Duration.between(row.committedAt(), audited.committedAt())
                                    .toMillis());
                }
            }
        }
        for (String auditedId : ledger.keySet()) {
            if (!topUps.containsKey(auditedId)) {
                violations.add("in the audit log but not in top_ups: " + auditedId);
            }
        }

        Map<String, BigDecimal> sums = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (TopUpRow row : topUps.values()) {
            sums.merge(row.walletId(), row.amount(), BigDecimal::add);
            counts.merge(row.walletId(), 1L, Long::sum);
        }
        for (FundedTopUpCheck.Reversal reversal : reversals) { // each one a debit and a version of its own
            sums.merge(reversal.walletId(), reversal.debited().negate(), BigDecimal::add);
            counts.merge(reversal.walletId(), 1L, Long::sum);
        }
        long balanceMismatches = 0;
        for (WalletRow wallet : wallets.values()) {
            BigDecimal sum = sums.getOrDefault(wallet.id(), BigDecimal.ZERO);
            Projection projection = projections.get(wallet.id());
            BigDecimal projected = projection == null ? BigDecimal.ZERO : projection.balance();
            long lastSequence = projection == null ? 0 : projection.lastSequence();
            if (wallet.balance().compareTo(sum) != 0
                    || projected.compareTo(sum) != 0
                    || wallet.version() != counts.getOrDefault(wallet.id(), 0L)
                    || lastSequence != wallet.version()) {
                balanceMismatches++;
                violations.add("wallet " + wallet.id() + ": balance " + wallet.balance()
                        + ", sum of top-ups less reversals " + sum + ", ledger " + projected + "; version "
                        + wallet.version() + ", top-ups and reversals " + counts.getOrDefault(wallet.id(), 0L)
                        + ", ledger's last sequence " + lastSequence);
            }
        }

        Set<String> poisonPositions = new HashSet<>();
        poisons.forEach(poison -> poisonPositions.add(poison.position()));
        TopicContents topic = topic(poisonPositions);
        long sequenceGaps = 0;
        for (WalletRow wallet : wallets.values()) {
            Set<Long> seen = topic.sequences().getOrDefault(wallet.id(), Set.of());
            for (long sequence = 1; sequence <= wallet.version(); sequence++) {
                if (!seen.contains(sequence)) {
                    sequenceGaps++;
                    violations.add("wallet " + wallet.id() + ": sequence " + sequence + " never on " + TOPIC);
                }
            }
            if (seen.stream().anyMatch(sequence -> sequence < 1 || sequence > wallet.version())) {
                violations.add(
                        "wallet " + wallet.id() + ": a sequence on " + TOPIC + " outside 1.." + wallet.version());
            }
        }
        // Every poison record set aside, and nothing else: a valid top-up on the dead-letter topic is missing from
        // the ledger whatever else the checks say.
        Map<String, String> deadLetters = deadLetters();
        for (PoisonRecords.Poison poison : poisons) {
            if (!deadLetters.containsKey(poison.position())) {
                violations.add(
                        "poison record " + poison.position() + " (" + poison.kind() + ") not on " + DEAD_LETTERS);
            }
        }
        deadLetters.forEach((position, reason) -> {
            if (!poisonPositions.contains(position)) {
                violations.add("a record that is no poison was dead-lettered: " + TOPIC + " " + position + " (" + reason
                        + ")");
            }
        });
        int reconcile = LedgerServiceApplication.runCommand(
                "reconcile",
                "--wallet-db-url=" + endpoints.walletDatabaseUrl(),
                "--wallet-db-username=" + endpoints.databaseUser(),
                "--spring.profiles.active=local",
                "--spring.datasource.url=" + endpoints.ledgerDatabaseUrl(),
                "--spring.kafka.bootstrap-servers=" + endpoints.kafkaBootstrapServers(),
                "--spring.main.banner-mode=off");
        if (reconcile != 0) {
            violations.add("reconcile exited with " + reconcile);
        }
        return new Findings(
                history.countDirect(Outcome.ACKNOWLEDGED),
                history.countDirect(Outcome.REFUSED),
                history.countDirect(Outcome.INDETERMINATE),
                indeterminateApplied,
                history.attemptCount(),
                topUps.size(),
                lost,
                doubleApplied,
                unsent,
                balanceMismatches,
                sequenceGaps,
                topic.records(),
                topic.duplicates(),
                poisons.size(),
                deadLetters.size(),
                reconcile,
                Duration.ofMillis(maxDelayMillis),
                funded,
                violations);
    }

    private String username(int user) {
        return FaultRun.username(user);
    }

    private Map<String, TopUpRow> topUps() throws SQLException {
        Map<String, TopUpRow> rows = new HashMap<>();
        query(endpoints.walletDatabaseUrl(), """
                SELECT t.id::text, u.username, t.idempotency_key, t.amount, t.wallet_id::text, t.wallet_version,
                       t.payment_id::text, pg_xact_commit_timestamp(t.xmin)
                  FROM top_ups t JOIN users u ON u.id = t.user_id""", result -> {
            var committed = result.getTimestamp(8);
            rows.put(
                    result.getString(1),
                    new TopUpRow(
                            result.getString(1),
                            result.getString(2),
                            result.getString(3),
                            result.getBigDecimal(4),
                            result.getString(5),
                            result.getLong(6),
                            result.getString(7),
                            committed == null ? null : committed.toInstant()));
        });
        return rows;
    }

    private List<FundedTopUpCheck.PaymentRow> payments() throws SQLException {
        List<FundedTopUpCheck.PaymentRow> rows = new ArrayList<>();
        query(
                endpoints.walletDatabaseUrl(),
                """
                SELECT p.id::text, u.username, p.idempotency_key, p.amount, p.state, p.provider_order_id
                  FROM payments p JOIN users u ON u.id = p.user_id""",
                result -> rows.add(new FundedTopUpCheck.PaymentRow(
                        result.getString(1),
                        result.getString(2),
                        result.getString(3),
                        result.getBigDecimal(4),
                        result.getString(5),
                        result.getString(6))));
        return rows;
    }

    /** Reversals, as the wallet made them or as the ledger booked them: id, payment, wallet, amount, debited. */
    private List<FundedTopUpCheck.Reversal> reversals(String url, String sql) throws SQLException {
        List<FundedTopUpCheck.Reversal> rows = new ArrayList<>();
        query(
                url,
                sql,
                result -> rows.add(new FundedTopUpCheck.Reversal(
                        result.getString(1),
                        result.getString(2),
                        result.getString(3),
                        result.getBigDecimal(4),
                        result.getBigDecimal(5))));
        return rows;
    }

    private Map<String, WalletRow> wallets() throws SQLException {
        Map<String, WalletRow> rows = new HashMap<>();
        query(
                endpoints.walletDatabaseUrl(),
                "SELECT id::text, balance, version FROM wallets",
                result -> rows.put(
                        result.getString(1),
                        new WalletRow(result.getString(1), result.getBigDecimal(2), result.getLong(3))));
        return rows;
    }

    private Map<String, LedgerRow> auditLog() throws SQLException {
        Map<String, LedgerRow> rows = new HashMap<>();
        query(endpoints.ledgerDatabaseUrl(), """
                SELECT top_up_id::text, count(*), min(pg_xact_commit_timestamp(xmin))
                  FROM audit_log GROUP BY top_up_id""", result -> {
            var committed = result.getTimestamp(3);
            rows.put(
                    result.getString(1),
                    new LedgerRow(result.getInt(2), committed == null ? null : committed.toInstant()));
        });
        return rows;
    }

    private Map<String, Projection> projections() throws SQLException {
        Map<String, Projection> rows = new HashMap<>();
        query(
                endpoints.ledgerDatabaseUrl(),
                "SELECT wallet_id::text, balance, last_sequence FROM wallet_balances",
                result -> rows.put(result.getString(1), new Projection(result.getBigDecimal(2), result.getLong(3))));
        return rows;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String url, String sql, RowReader reader) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(url, endpoints.databaseUser(), endpoints.databasePassword());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                reader.read(result);
            }
        }
    }

    /** The events topic's records, but the poison records at these positions. */
    private TopicContents topic(Set<String> poisons) {
        Map<String, Set<Long>> sequences = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        long records = 0;
        long duplicates = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream()
                    .anyMatch(
                            partition -> consumer.position(partition) < Objects.requireNonNull(ends.get(partition)))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (poisons.contains(record.partition() + ":" + record.offset())) {
                        continue;
                    }
                    records++;
                    if (!eventIds.add(header(record, "ce_id"))) {
                        duplicates++;
                    }
                    sequences
                            .computeIfAbsent(record.key(), wallet -> new TreeSet<>())
                            .add(Long.parseLong(header(record, "ce_walletsequence")));
                }
            }
        }
        return new TopicContents(sequences, records, duplicates);
    }

    /** Each dead letter's original position on the events topic ({@code partition:offset}) and its reason. */
    private Map<String, String> deadLetters() {
        Map<String, String> deadLetters = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            if (!consumer.listTopics(Duration.ofSeconds(30)).containsKey(DEAD_LETTERS)) {
                return deadLetters;
            }
            List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTERS, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(DEAD_LETTERS, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream()
                    .anyMatch(
                            partition -> consumer.position(partition) < Objects.requireNonNull(ends.get(partition)))) {
                for (ConsumerRecord<String, byte[]> deadLetter : consumer.poll(Duration.ofSeconds(1))) {
                    Header partition = deadLetter.headers().lastHeader("kafka_dlt-original-partition");
                    Header offset = deadLetter.headers().lastHeader("kafka_dlt-original-offset");
                    Header reason = deadLetter.headers().lastHeader("ledger_dlt-reason");
                    String position = partition == null || offset == null
                            ? "unknown position, dead letter " + deadLetter.partition() + ":" + deadLetter.offset()
                            : ByteBuffer.wrap(partition.value()).getInt() + ":"
                                    + ByteBuffer.wrap(offset.value()).getLong();
                    deadLetters.put(
                            position,
                            reason == null ? "no reason given" : new String(reason.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return deadLetters;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        endpoints.kafkaBootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5000),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new IllegalStateException("a record without " + name + " at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset());
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
