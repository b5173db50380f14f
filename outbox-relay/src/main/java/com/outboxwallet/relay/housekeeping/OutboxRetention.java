package com.outboxwallet.relay.housekeeping;

import com.outboxwallet.process.ConditionalOnServing;
import com.outboxwallet.relay.RelayProperties;
import com.outboxwallet.relay.leadership.RelayLeadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes published rows older than {@code relay.retention.keep} (7 days by default), in small batches so it never
 * holds long locks, so the outbox does not bloat. Unpublished rows are never touched, however old. Rows within the
 * retention can be published again with the {@code republish} command.
 */
@Component
@ConditionalOnServing
public class OutboxRetention implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final JdbcClient jdbc;
    private final RelayLeadership leadership;
    private final RelayProperties.Retention settings;

    OutboxRetention(JdbcClient jdbc, RelayLeadership leadership, RelayProperties properties) {
        this.jdbc = jdbc;
        this.leadership = leadership;
        this.settings = properties.retention();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::run, settings.interval(), settings.interval()));
    }

    void run() {
        if (leadership.isLeader()) {
            long deleted = deleteExpired();
            if (deleted > 0) {
                log.info("Deleted {} published outbox rows older than {}", deleted, settings.keep());
            }
        }
    }

    /** @return how many rows were deleted */
    public long deleteExpired() {
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                            DELETE FROM outbox WHERE id IN (
                                SELECT id FROM outbox
                                 WHERE published_at IS NOT NULL AND published_at < now() - make_interval(secs => :keep)
                                 ORDER BY id LIMIT :batch)""")
                    .param("keep", settings.keep().toSeconds())
                    .param("batch", settings.batchSize())
                    .update();
            total += deleted;
        } while (deleted == settings.batchSize());
        return total;
    }
}
