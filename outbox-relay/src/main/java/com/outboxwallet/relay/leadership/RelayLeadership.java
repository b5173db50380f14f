package com.outboxwallet.relay.leadership;

import com.outboxwallet.process.ConditionalOnServing;
import com.outboxwallet.relay.RelayProperties;
import com.outboxwallet.relay.metrics.RelayMetrics;
import com.outboxwallet.relay.publishing.AdvisoryLocks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Decides which relay instance publishes: the one holding a PostgreSQL session-level advisory lock on its own
 * connection. If that instance dies or loses its connection, PostgreSQL ends the session and frees the lock, and a
 * standby's next attempt takes it. A leader that is alive but frozen (SIGSTOP, a paused VM, a stop-the-world stall)
 * keeps its TCP connection, so the session carries a lease: {@code idle_session_timeout}, which PostgreSQL enforces
 * when the leader's checks stop coming. Leadership says who should publish; {@link com.outboxwallet.relay.publishing
 * .FencedBatches} fences each batch, so even an instance that lost leadership without knowing it cannot publish
 * at the same time as the new leader.
 */
@Component
@ConditionalOnServing
public class RelayLeadership implements SmartLifecycle, SchedulingConfigurer {

    /** Two-key advisory locks (namespace, id): the namespace keeps the relay's locks apart from anyone else's. */
    private static final Logger log = LoggerFactory.getLogger(RelayLeadership.class);

    private final DataSourceProperties database;
    private final String instanceId;
    private final Duration lease;
    private final Duration checkInterval;
    private @Nullable Connection connection;
    private volatile boolean leader;
    private volatile boolean running;
    // Looked up on each tick: the followers depend on this bean, so they cannot be handed to its constructor.
    private final ObjectProvider<LeadershipFollower> followers;

    RelayLeadership(
            DataSourceProperties database,
            RelayProperties properties,
            RelayMetrics metrics,
            ObjectProvider<LeadershipFollower> followers) {
        this.followers = followers;
        this.database = database;
        this.instanceId = properties.instanceId();
        this.lease = properties.leadership().lease();
        this.checkInterval = properties.leadership().checkInterval();
        metrics.registerLeadership(instanceId, this::isLeader);
    }

    public boolean isLeader() {
        return leader;
    }

    public String instanceId() {
        return instanceId;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::tick, checkInterval);
    }

    /** The relay's one leadership tick: the check, then whatever follows it ({@link LeadershipFollower}). */
    void tick() {
        campaign();
        followers.orderedStream().forEach(LeadershipFollower::afterLeadershipCheck);
    }

    synchronized void campaign() {
        if (!running) {
            return;
        }
        try {
            Connection current = connection;
            if (current == null || !current.isValid(2)) {
                closeConnection();
                current = DriverManager.getConnection(
                        database.determineUrl(), database.determineUsername(), database.determinePassword());
                connection = current;
                try (Statement lease = current.createStatement()) {
                    lease.execute("SET idle_session_timeout = " + this.lease.toMillis());
                }
            }
            boolean nowLeader = leader ? stillHeld(current) : tryAcquire(current);
            if (nowLeader != leader) {
                log.info("Relay {} {} leadership", instanceId, nowLeader ? "took" : "lost");
            }
            leader = nowLeader;
        } catch (SQLException e) {
            if (leader) {
                log.warn("Relay {} lost leadership with its connection: {}", instanceId, e.getMessage());
            }
            leader = false;
            closeConnection();
        }
    }

    private static boolean tryAcquire(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, AdvisoryLocks.NAMESPACE);
            lock.setInt(2, AdvisoryLocks.LEADER);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static boolean stillHeld(Connection connection) throws SQLException {
        try (PreparedStatement held = connection.prepareStatement("""
                SELECT count(*) FROM pg_locks
                 WHERE locktype = 'advisory' AND classid = ? AND objid = ? AND objsubid = 2
                   AND pid = pg_backend_pid() AND granted""")) {
            held.setInt(1, AdvisoryLocks.NAMESPACE);
            held.setInt(2, AdvisoryLocks.LEADER);
            try (ResultSet result = held.executeQuery()) {
                return result.next() && result.getLong(1) > 0;
            }
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close(); // ends the session, which frees the lock at once
            } catch (SQLException e) {
                log.debug("closing the leadership connection: {}", e.getMessage());
            }
            connection = null;
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        campaign();
    }

    @Override
    public synchronized void stop() {
        running = false;
        leader = false;
        closeConnection();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop after the publishers (higher phases stop first), start before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
