package com.outboxwallet.faults;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What can go wrong, as the harness makes it go wrong. */
public enum FaultKind {

    /** {@code kill -9} of one api-service instance, restarted after a pause. */
    KILL_API,
    /** {@code kill -9} of one relay instance (the leader or a standby), restarted after a pause. */
    KILL_RELAY,
    /** {@code kill -9} of one ledger-service instance, restarted after a pause. */
    KILL_LEDGER,
    /** SIGSTOP of the leading relay past its leadership check, then SIGCONT. */
    PAUSE_RELAY_LEADER,
    /** {@code kill -9} of every Kafka broker, restarted after a pause. */
    KILL_KAFKA,
    /** Of three brokers, {@code kill -9} of the one leading the most partitions of the events topic, restarted after a pause. */
    KILL_KAFKA_BROKER,
    /** {@code FLUSHALL}: every idempotency claim, cached response, rate-limit window and lock forgotten. */
    FLUSH_REDIS,
    /** {@code kill -9} of Redis, an empty one started after a pause. */
    KILL_REDIS,
    /** {@code pg_terminate_backend} of every client and replication connection. */
    TERMINATE_DATABASE_CONNECTIONS,
    /** {@code pg_ctl restart -m immediate}: PostgreSQL crashes and comes back through recovery. */
    RESTART_POSTGRES,
    /** The primary killed, the synchronous standby promoted, the old primary's node made the new standby. */
    FAILOVER_POSTGRES,
    /** The ledger's database refuses connections for the outage ({@code ALLOW_CONNECTIONS false}, backends ended). */
    LEDGER_DATABASE_UNREACHABLE,
    /** A malformed record on a random partition of the events topic, written as a buggy producer would. */
    POISON_RECORD,
    /** With the {@code redisson-lock} strategy: an api-service instance, likely holding a wallet lock, frozen past the lease. */
    PAUSE_LOCK_HOLDER,
    /** The provider's charge and status APIs close every connection unanswered for the outage. */
    PROVIDER_DOWN,
    /** For the outage, the provider delivers every notification five times. */
    DUPLICATE_NOTIFICATIONS,
    /** For the outage, a payment's {@code pending} notification arrives after its next one (a settlement, say). */
    OUT_OF_ORDER_NOTIFICATIONS,
    /** For the outage, the provider notifies nothing: only the wallet's reconciliation learns what happened. */
    LOST_NOTIFICATIONS,
    /** For the outage, every payment the provider settles is refunded or charged back right after. */
    REVERSALS,
    /** {@code kill -9} of the api-service instance the provider notifies, while a notification is in flight to it. */
    KILL_API_MID_WEBHOOK,
    /** The link between an api-service instance and PostgreSQL (every node) cut, then healed. */
    CUT_API_POSTGRES,
    /** The link between an api-service instance and Redis cut, then healed. */
    CUT_API_REDIS,
    /** The link between the leading relay, while it holds the publishing turn, and PostgreSQL cut, then healed. */
    CUT_RELAY_LEADER_POSTGRES,
    /** The links between the leading relay and every Kafka broker cut, then healed. */
    CUT_RELAY_KAFKA,
    /**
     * The links between a ledger-service instance and every Kafka broker cut, then healed: a zombie consumer whose
     * partitions move on while it can still write its database.
     */
    CUT_LEDGER_KAFKA,
    /** The link between a ledger-service instance and its database cut, then healed. */
    CUT_LEDGER_POSTGRES,
    /** The link between an api-service instance and Redis slowed (latency and loss, through a proxy), then restored. */
    SLOW_API_REDIS,
    /**
     * Of three brokers, the one leading the most partitions of the events topic cut off from the other brokers and
     * every client, then healed.
     */
    ISOLATE_KAFKA_BROKER;

    /** What a fault hits. Two faults strike together only if they hit different parts. */
    enum Part {
        API,
        RELAY,
        LEDGER,
        KAFKA,
        REDIS,
        POSTGRES,
        PROVIDER
    }

    /** The faults that hit the payment provider or its notifications: they need funded top-ups in the load. */
    static final Set<FaultKind> PAYMENTS = EnumSet.of(
            PROVIDER_DOWN,
            DUPLICATE_NOTIFICATIONS,
            OUT_OF_ORDER_NOTIFICATIONS,
            LOST_NOTIFICATIONS,
            REVERSALS,
            KILL_API_MID_WEBHOOK);

    /** The faults that cut or slow links (declared last, together): they need a namespace per process. */
    static final Set<FaultKind> PARTITIONS = EnumSet.range(CUT_API_POSTGRES, ISOLATE_KAFKA_BROKER);

    /** The partitions only namespaces can make: a Kafka client follows the brokers' addresses, past any proxy. */
    static final Set<FaultKind> NAMESPACES_ONLY = EnumSet.of(CUT_RELAY_KAFKA, CUT_LEDGER_KAFKA, ISOLATE_KAFKA_BROKER);

    boolean hitsPayments() {
        return PAYMENTS.contains(this);
    }

    boolean cutsLinks() {
        return PARTITIONS.contains(this);
    }

    Part part() {
        return switch (this) {
            case KILL_API, KILL_API_MID_WEBHOOK, PAUSE_LOCK_HOLDER, CUT_API_POSTGRES, CUT_API_REDIS, SLOW_API_REDIS ->
                Part.API;
            case KILL_RELAY, PAUSE_RELAY_LEADER, CUT_RELAY_LEADER_POSTGRES, CUT_RELAY_KAFKA -> Part.RELAY;
            case KILL_LEDGER, CUT_LEDGER_KAFKA, CUT_LEDGER_POSTGRES -> Part.LEDGER;
            // A poison record is written to the brokers, which must be up to take it.
            case KILL_KAFKA, KILL_KAFKA_BROKER, ISOLATE_KAFKA_BROKER, POISON_RECORD -> Part.KAFKA;
            case FLUSH_REDIS, KILL_REDIS -> Part.REDIS;
            case TERMINATE_DATABASE_CONNECTIONS, RESTART_POSTGRES, FAILOVER_POSTGRES, LEDGER_DATABASE_UNREACHABLE ->
                Part.POSTGRES;
            case PROVIDER_DOWN, DUPLICATE_NOTIFICATIONS, OUT_OF_ORDER_NOTIFICATIONS, LOST_NOTIFICATIONS, REVERSALS ->
                Part.PROVIDER;
        };
    }

    /** Whether it kills a service instance (which then restarts while the others serve). */
    boolean killsAnInstance() {
        return this == KILL_API || this == KILL_RELAY || this == KILL_LEDGER || this == KILL_API_MID_WEBHOOK;
    }

    /** As on the command line: {@code kill-api}. */
    String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Every fault that applies: the lock holder's only with Redisson's locks, the payments' only with payments, a
     * broker's only with a cluster of brokers, a fail-over only with a standby, a cut link only with partitions, and
     * a link to Kafka only between network namespaces.
     */
    static Set<FaultKind> forRun(
            String strategy,
            boolean funded,
            boolean kafkaCluster,
            boolean postgresStandby,
            boolean partitions,
            boolean namespaces) {
        Set<FaultKind> kinds = EnumSet.allOf(FaultKind.class);
        if (!partitions) {
            kinds.removeAll(PARTITIONS);
        }
        if (!namespaces) {
            kinds.removeAll(NAMESPACES_ONLY);
        }
        if (!postgresStandby) {
            kinds.remove(FAILOVER_POSTGRES);
        }
        if (!kafkaCluster) {
            kinds.remove(KILL_KAFKA_BROKER);
            kinds.remove(ISOLATE_KAFKA_BROKER);
        }
        if (!"redisson-lock".equals(strategy)) {
            kinds.remove(PAUSE_LOCK_HOLDER);
        }
        if (!funded) {
            kinds.removeAll(PAYMENTS);
        }
        return kinds;
    }

    static Set<FaultKind> parseAll(String text) {
        Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
        for (String name : text.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            kinds.add(Arrays.stream(values())
                    .filter(kind -> kind.option().equals(name.trim()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown fault '" + name + "'; faults: " + names(EnumSet.allOf(FaultKind.class)))));
        }
        return kinds;
    }

    static String names(Set<FaultKind> kinds) {
        return kinds.stream().sorted().map(FaultKind::option).collect(Collectors.joining(","));
    }
}
