package com.outboxwallet.api.payment;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link PaymentReconciliation} every {@code wallet.payments.reconciliation.interval} on one api instance at a
 * time: a recurring task of db-scheduler, whose row in {@code scheduled_tasks} an instance picks (and heartbeats) before
 * it runs it; an instance that dies mid-run is noticed by the others after {@link #MISSED_HEARTBEATS} of its
 * heartbeats, and they run it again.
 */
@Component
@ConditionalOnBooleanProperty("wallet.payments.enabled")
class ReconciliationSchedule implements SmartLifecycle {

    static final String TASK = "payment-reconciliation";
    /**
     * Heartbeats a running instance may miss before it is deemed dead. db-scheduler's defaults (a heartbeat every 5
     * minutes, six missed) left the reconciliation of a killed instance unrun for 30 minutes in bin/fault-test.
     */
    static final int MISSED_HEARTBEATS = 4; // db-scheduler's least

    private static final Logger log = LoggerFactory.getLogger(ReconciliationSchedule.class);

    private final DataSource dataSource;
    private final PaymentReconciliation reconciliation;
    private final Duration interval;
    private final Duration heartbeat;
    private @Nullable Scheduler scheduler;

    ReconciliationSchedule(DataSource dataSource, PaymentReconciliation reconciliation, PaymentProperties properties) {
        this.dataSource = dataSource;
        this.reconciliation = reconciliation;
        this.interval = properties.reconciliation().interval();
        this.heartbeat = properties.reconciliation().heartbeat();
    }

    @Override
    public synchronized void start() {
        RecurringTask<Void> task = Tasks.recurring(TASK, FixedDelay.of(interval))
                .execute((instance, context) -> {
                    int asked = reconciliation.run();
                    if (asked > 0) {
                        log.info("Reconciliation asked the provider about {} payments", asked);
                    }
                });
        scheduler = Scheduler.create(dataSource)
                .startTasks(task)
                .threads(1)
                // Due executions are looked for this often; no slower than the task's own interval.
                .pollingInterval(interval.compareTo(Duration.ofSeconds(10)) < 0 ? interval : Duration.ofSeconds(10))
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
        scheduler.start();
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
