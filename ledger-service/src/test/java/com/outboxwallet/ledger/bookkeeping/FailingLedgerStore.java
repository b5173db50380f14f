package com.outboxwallet.ledger.bookkeeping;

import com.outboxwallet.events.TopUpAccepted;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's real store, which throws what a test says when it writes the entries of a top-up the test marked: a
 * failure that belongs to one record and that no check before the database catches, of any class, {@code Error}s
 * included. Everything else goes to the database as usual.
 */
public class FailingLedgerStore extends LedgerStore {

    private final Map<UUID, Supplier<Throwable>> failures = new ConcurrentHashMap<>();

    public FailingLedgerStore(JdbcClient jdbc) {
        super(jdbc);
    }

    /** Writing this top-up's entries throws what {@code failure} supplies, every time. Outside any transaction. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public void failOn(UUID topUpId, Supplier<Throwable> failure) {
        failures.put(topUpId, failure);
    }

    @Override
    void appendEntries(List<TopUpAccepted> events) {
        for (TopUpAccepted event : events) {
            Supplier<Throwable> failure = failures.get(event.topUpId());
            if (failure != null) {
                Throwable thrown = failure.get();
                if (thrown instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) thrown;
            }
        }
        super.appendEntries(events);
    }
}
