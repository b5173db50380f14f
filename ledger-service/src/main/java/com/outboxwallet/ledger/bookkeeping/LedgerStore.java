package com.outboxwallet.ledger.bookkeeping;

import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.events.TopUpReversed;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's writes, each one statement for a whole batch of events: the rows go to PostgreSQL as arrays and come
 * out of {@code unnest}, so a poll of hundreds of events costs six round trips and one commit, not seven statements
 * and a commit per event.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class LedgerStore {

    /** The other side of every top-up: money received from the payment provider, owed to the wallet. */
    static final String TOP_UP_CLEARING_ACCOUNT = "clearing:top-ups";

    /** One top-up per (wallet, sequence) (V5). */
    static final String SEQUENCE_CONSTRAINT = "audit_log_wallet_sequence_uq";

    /** One top-up per (user, idempotency key) (V1). */
    static final String REQUEST_CONSTRAINT = "audit_log_user_key_uq";

    private final JdbcClient jdbc;

    LedgerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the events as processed; this is the dedupe, and every apply transaction starts here (the replay's swap
     * relies on it to lock in the same order).
     *
     * @param events distinct event ids
     * @return the ids not processed before
     */
    Set<UUID> claimEvents(List<TopUpEvent> events) {
        return new HashSet<>(jdbc.sql("""
                        INSERT INTO processed_events (event_id, event_type, topic, kafka_partition, kafka_offset,
                                                      top_up_id)
                        SELECT * FROM unnest(:ids, :types, :topics, :partitions, :offsets, :topUpIds)
                        ON CONFLICT (event_id) DO NOTHING
                        RETURNING event_id""")
                .param("ids", array("uuid", events, e -> e.envelope().eventId()))
                .param("topUpIds", array("uuid", events, e -> e.event().topUpId()))
                .param("types", array("text", events, e -> e.envelope().type()))
                .param("topics", array("text", events, e -> e.envelope().topic()))
                .param("partitions", array("int4", events, e -> e.envelope().partition()))
                .param("offsets", array("int8", events, e -> e.envelope().offset()))
                .query(UUID.class)
                .list());
    }

    /**
     * The conflict target is the top-up id on purpose: the same top-up under a new event id is a duplicate and is
     * skipped, while a row that collides on (user_id, idempotency_key) under another top-up id raises a unique
     * violation. That would be two top-ups claiming one request, which the ledger must refuse, never silently merge.
     *
     * @param events distinct top-up ids
     * @return the top-ups not in the audit log before
     */
    Set<UUID> appendAuditLog(List<TopUpEvent> events) {
        return new HashSet<>(jdbc.sql("""
                        INSERT INTO audit_log (event_id, top_up_id, wallet_id, user_id, idempotency_key, amount,
                                               currency, message, occurred_at, wallet_sequence)
                        SELECT * FROM unnest(:eventIds, :topUpIds, :walletIds, :userIds, :keys, :amounts,
                                             :currencies, :messages, :times, :sequences)
                        ON CONFLICT (top_up_id) DO NOTHING
                        RETURNING top_up_id""")
                .param("eventIds", array("uuid", events, e -> e.envelope().eventId()))
                .param("topUpIds", array("uuid", events, e -> e.event().topUpId()))
                .param("walletIds", array("uuid", events, e -> e.event().walletId()))
                .param("userIds", array("uuid", events, e -> e.event().userId()))
                .param("keys", array("text", events, e -> e.envelope().event().idempotencyKey()))
                .param(
                        "amounts",
                        array("numeric", events, e -> e.event().amount().toPlainString()))
                .param("currencies", array("text", events, e -> e.event().currency()))
                .param("messages", array("text", events, e -> message(e.event())))
                .param(
                        "times",
                        array("timestamptz", events, e -> e.event().occurredAt().toString()))
                .param("sequences", array("int8", events, e -> e.event().sequence()))
                .query(UUID.class)
                .list());
    }

    /** A top-up as the audit log holds it, to compare a copy with. */
    record RecordedTopUp(
            UUID eventId,
            UUID topUpId,
            UUID walletId,
            UUID userId,
            BigDecimal amount,
            String currency,
            @Nullable Long sequence,
            @Nullable String idempotencyKey) {

        /** @return what the copy says otherwise, or null if it says the same */
        @Nullable
        String differenceFrom(TopUpAccepted copy, @Nullable String copyKey) {
            if (!walletId.equals(copy.walletId())) {
                return "wallet " + copy.walletId() + ", recorded " + walletId;
            }
            if (!userId.equals(copy.userId())) {
                return "user " + copy.userId() + ", recorded " + userId;
            }
            if (amount.compareTo(copy.amount()) != 0) {
                return "amount " + copy.amount().toPlainString() + ", recorded " + amount.toPlainString();
            }
            if (!currency.equals(copy.currency())) {
                return "currency " + copy.currency() + ", recorded " + currency;
            }
            if (sequence != null && sequence != copy.sequence()) {
                return "sequence " + copy.sequence() + ", recorded " + sequence;
            }
            if (!Objects.equals(idempotencyKey, copyKey)) {
                return "idempotency key " + copyKey + ", recorded " + idempotencyKey;
            }
            return null;
        }
    }

    /** The top-up each of these event ids was claimed for; absent for event ids claimed before V5 kept it. */
    Map<UUID, UUID> claimedTopUps(List<TopUpEvent> events) {
        Map<UUID, UUID> claimedFor = new HashMap<>();
        jdbc.sql("""
                        SELECT event_id, top_up_id FROM processed_events
                         WHERE event_id = ANY(:ids) AND top_up_id IS NOT NULL""")
                .param("ids", array("uuid", events, e -> e.envelope().eventId()))
                .query(rs -> {
                    claimedFor.put(rs.getObject("event_id", UUID.class), rs.getObject("top_up_id", UUID.class));
                });
        return claimedFor;
    }

    /**
     * The audit log's rows of these top-ups, by the top-up id's unique index. (Not by event id: an index for that
     * alone would cost every insert a random write; {@link #claimedTopUps} answers by the primary key instead.)
     */
    List<RecordedTopUp> recordedTopUps(List<TopUpEvent> events) {
        return jdbc.sql("""
                        SELECT event_id, top_up_id, wallet_id, user_id, amount, currency, wallet_sequence,
                               idempotency_key
                          FROM audit_log WHERE top_up_id = ANY(:topUpIds)""")
                .param("topUpIds", array("uuid", events, e -> e.event().topUpId()))
                .query((rs, row) -> new RecordedTopUp(
                        rs.getObject("event_id", UUID.class),
                        rs.getObject("top_up_id", UUID.class),
                        rs.getObject("wallet_id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency"),
                        rs.getObject("wallet_sequence", Long.class),
                        rs.getString("idempotency_key")))
                .list();
    }

    /** Two lines per top-up, summing to zero: the wallet's account is credited, the clearing account debited. */
    void appendEntries(List<TopUpAccepted> events) {
        List<EntryLine> lines = events.stream()
                .<EntryLine>mapMulti((event, out) -> {
                    out.accept(new EntryLine(event, "wallet:" + event.walletId(), event.walletId(), event.amount()));
                    out.accept(new EntryLine(
                            event, TOP_UP_CLEARING_ACCOUNT, null, event.amount().negate()));
                })
                .toList();
        jdbc.sql("""
                        INSERT INTO ledger_entries (transaction_id, account, wallet_id, amount, currency, occurred_at)
                        SELECT * FROM unnest(:transactions, :accounts, :wallets, :amounts, :currencies, :times)""")
                .param("transactions", array("uuid", lines, l -> l.event().topUpId()))
                .param("accounts", array("text", lines, EntryLine::account))
                .param("wallets", array("uuid", lines, EntryLine::walletId))
                .param("amounts", array("numeric", lines, l -> l.amount().toPlainString()))
                .param("currencies", array("text", lines, l -> l.event().currency()))
                .param(
                        "times",
                        array("timestamptz", lines, l -> l.event().occurredAt().toString()))
                .update();
    }

    private record EntryLine(
            TopUpAccepted event, String account, @Nullable UUID walletId, BigDecimal amount) {}

    /**
     * Creates the wallets' projection rows where needed and locks them, in one order (PostgreSQL's own uuid order,
     * in both statements), so that each wallet's events are sequenced one transaction at a time even if two consumers
     * briefly hold its partition during a rebalance, and two such transactions cannot deadlock.
     *
     * @return each wallet's currency (its first event's) and highest sequence applied so far, 0 if none
     */
    Map<UUID, WalletState> lockProjections(List<TopUpAccepted> events) {
        Map<UUID, String> currencies = new LinkedHashMap<>();
        events.forEach(event -> currencies.putIfAbsent(event.walletId(), event.currency()));
        List<Map.Entry<UUID, String>> wallets = List.copyOf(currencies.entrySet());
        jdbc.sql("""
                        INSERT INTO wallet_balances (wallet_id, currency, balance, last_sequence, updated_at)
                        SELECT wallet_id, currency, 0, 0, now() FROM unnest(:wallets, :currencies) AS w(wallet_id, currency)
                         ORDER BY wallet_id
                        ON CONFLICT (wallet_id) DO NOTHING""")
                .param("wallets", array("uuid", wallets, Map.Entry::getKey))
                .param("currencies", array("text", wallets, Map.Entry::getValue))
                .update();
        Map<UUID, WalletState> states = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT wallet_id, currency, last_sequence FROM wallet_balances WHERE wallet_id = ANY(:wallets)
                         ORDER BY wallet_id FOR UPDATE""")
                .param("wallets", array("uuid", wallets, Map.Entry::getKey))
                .query(rs -> {
                    states.put(
                            rs.getObject("wallet_id", UUID.class),
                            new WalletState(rs.getString("currency"), rs.getLong("last_sequence")));
                });
        return states;
    }

    /**
     * Claims one event, as {@link #claimEvents} claims a batch's.
     *
     * @return whether it was not processed before
     */
    boolean claimEvent(ReceivedEvent event) {
        return jdbc.sql("""
                        INSERT INTO processed_events (event_id, event_type, topic, kafka_partition, kafka_offset)
                        VALUES (:id, :type, :topic, :partition, :offset)
                        ON CONFLICT (event_id) DO NOTHING""")
                        .param("id", event.eventId())
                        .param("type", event.type())
                        .param("topic", event.topic())
                        .param("partition", event.partition())
                        .param("offset", event.offset())
                        .update()
                == 1;
    }

    /**
     * Records a reversal, unless its id was recorded before (the same reversal under a new event id). Another
     * reversal of the same top-up, or of the same wallet sequence, is a unique violation: refused, never merged.
     *
     * @return whether it was new
     */
    boolean appendReversal(ReceivedEvent event, TopUpReversed reversal) {
        return jdbc.sql("""
                        INSERT INTO ledger_reversals (reversal_id, event_id, top_up_id, wallet_id, user_id, amount,
                            debited, currency, reason, payment_id, provider, provider_transaction_id, wallet_sequence,
                            occurred_at)
                        VALUES (:id, :event, :topUp, :wallet, :user, :amount, :debited, :currency, :reason, :payment,
                            :provider, :providerTransaction, :sequence, :occurredAt)
                        ON CONFLICT (reversal_id) DO NOTHING""")
                        .param("id", reversal.reversalId())
                        .param("event", event.eventId())
                        .param("topUp", reversal.topUpId())
                        .param("wallet", reversal.walletId())
                        .param("user", reversal.userId())
                        .param("amount", reversal.amount())
                        .param("debited", reversal.debited())
                        .param("currency", reversal.currency())
                        .param("reason", reversal.reason())
                        .param("payment", reversal.funding().paymentId())
                        .param("provider", reversal.funding().provider())
                        .param("providerTransaction", reversal.funding().providerTransactionId())
                        .param("sequence", reversal.sequence())
                        .param("occurredAt", OffsetDateTime.ofInstant(reversal.occurredAt(), ZoneOffset.UTC))
                        .update()
                == 1;
    }

    /** The reversal's two lines, summing to zero: the wallet's account debited, the clearing account credited. */
    void appendReversalEntries(TopUpReversed reversal) {
        for (var line : List.of(
                Map.entry("wallet:" + reversal.walletId(), reversal.debited().negate()),
                Map.entry(TOP_UP_CLEARING_ACCOUNT, reversal.debited()))) {
            jdbc.sql("""
                            INSERT INTO ledger_entries (transaction_id, account, wallet_id, amount, currency, occurred_at)
                            VALUES (:transaction, :account, :wallet, :amount, :currency, :occurredAt)""")
                    .param("transaction", reversal.reversalId())
                    .param("account", line.getKey())
                    .param("wallet", line.getKey().startsWith("wallet:") ? reversal.walletId() : null)
                    .param("amount", line.getValue())
                    .param("currency", reversal.currency())
                    .param("occurredAt", OffsetDateTime.ofInstant(reversal.occurredAt(), ZoneOffset.UTC))
                    .update();
        }
    }

    /** Creates the wallet's projection row if needed and locks it, as {@link #lockProjections} does for a batch. */
    WalletState lockProjection(UUID wallet, String currency) {
        jdbc.sql("""
                        INSERT INTO wallet_balances (wallet_id, currency, balance, last_sequence, updated_at)
                        VALUES (:wallet, :currency, 0, 0, now()) ON CONFLICT (wallet_id) DO NOTHING""").param("wallet", wallet).param("currency", currency).update();
        return jdbc.sql("SELECT currency, last_sequence FROM wallet_balances WHERE wallet_id = :wallet FOR UPDATE")
                .param("wallet", wallet)
                .query((rs, n) -> new WalletState(rs.getString("currency"), rs.getLong("last_sequence")))
                .single();
    }

    /** Takes the reversal's debit off the wallet's projected balance. */
    void projectReversal(TopUpReversed reversal) {
        jdbc.sql("""
                        UPDATE wallet_balances
                           SET balance = balance - :debited,
                               last_sequence = GREATEST(last_sequence, :sequence),
                               updated_at = now()
                         WHERE wallet_id = :wallet""")
                .param("debited", reversal.debited())
                .param("sequence", reversal.sequence())
                .param("wallet", reversal.walletId())
                .update();
    }

    /** A wallet's projection row as its lock found it. */
    record WalletState(String currency, long lastSequence) {}

    /**
     * Adds each wallet's amounts to its projected balance, one row update per wallet. Order of arrival does not matter
     * for a sum, and a late event leaves the highest sequence where it is.
     */
    void project(List<TopUpAccepted> events) {
        Map<UUID, Increment> byWallet = new LinkedHashMap<>();
        events.forEach(event ->
                byWallet.merge(event.walletId(), new Increment(event.amount(), event.sequence()), Increment::plus));
        List<Map.Entry<UUID, Increment>> rows = List.copyOf(byWallet.entrySet());
        jdbc.sql("""
                        UPDATE wallet_balances b
                           SET balance = b.balance + d.amount,
                               last_sequence = GREATEST(b.last_sequence, d.sequence),
                               updated_at = now()
                          FROM unnest(:wallets, :amounts, :sequences) AS d(wallet_id, amount, sequence)
                         WHERE b.wallet_id = d.wallet_id""")
                .param("wallets", array("uuid", rows, Map.Entry::getKey))
                .param(
                        "amounts",
                        array("numeric", rows, row -> row.getValue().amount().toPlainString()))
                .param("sequences", array("int8", rows, row -> row.getValue().highestSequence()))
                .update();
    }

    private record Increment(BigDecimal amount, long highestSequence) {

        Increment plus(Increment other) {
            return new Increment(amount.add(other.amount), Math.max(highestSequence, other.highestSequence));
        }
    }

    private static String message(TopUpAccepted event) {
        return "Top up of " + event.amount().toPlainString() + " " + event.currency() + " to wallet " + event.walletId()
                + "; balance " + event.balanceAfter().toPlainString();
    }

    /** One column of a batch as a PostgreSQL array, read back row by row with {@code unnest}. */
    private static <T> SqlArrayValue array(String type, Collection<T> rows, Function<T, ?> column) {
        return new SqlArrayValue(type, rows.stream().map(column).toArray());
    }
}
