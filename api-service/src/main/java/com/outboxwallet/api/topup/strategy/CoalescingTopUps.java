package com.outboxwallet.api.topup.strategy;

import com.outboxwallet.api.topup.DailyLimitExceeded;
import com.outboxwallet.api.topup.DailyLimits;
import com.outboxwallet.api.topup.DailyTotals;
import com.outboxwallet.api.topup.DuplicateTopUpRequest;
import com.outboxwallet.api.topup.TopUp;
import com.outboxwallet.api.topup.TopUpCommand;
import com.outboxwallet.api.topup.TopUpRecords;
import com.outboxwallet.api.topup.TopUpTransaction;
import com.outboxwallet.api.trace.RequestTraces;
import com.outboxwallet.api.wallet.BalanceCeiling;
import com.outboxwallet.api.wallet.BalanceCeilingExceeded;
import com.outboxwallet.api.wallet.Wallet;
import com.outboxwallet.api.wallet.WalletNotFound;
import com.outboxwallet.api.wallet.WalletRepository;
import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.TraceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit per wallet. One wallet's top-ups are serial whatever the strategy (its row lock orders them), so a hot
 * wallet is capped at one commit, one fsync, at a time. Here the top-ups of a wallet that arrive while its previous
 * transaction commits are gathered and committed together, in one transaction under one row lock: the wait is at most
 * one commit, never a timer.
 *
 * <p>Each top-up still gets its own top-up row, outbox row, consecutive wallet version and answer. One that would pass
 * the balance ceiling or the user's daily limits, or whose key its user already used, is left out on its own (the insert skips a used key
 * without failing the statement) and its neighbours commit. A transaction that fails fails exactly the top-ups in it,
 * each of which a retry with the same key resolves. Across instances the wallet's row lock still serialises.
 */
final class CoalescingTopUps implements TopUpTransaction, AutoCloseable {

    private final RequestTraces traces;
    private final WalletRepository wallets;
    private final TopUpRecords records;
    private final DailyLimits dailyLimits;
    private final TransactionTemplate transactions;
    private final BalanceCeiling ceiling;
    private final int maxBatch;
    private final Clock clock;
    /** The top-ups waiting, per user; a user is here exactly while a committer works through their queue. */
    private final ConcurrentHashMap<UUID, ArrayDeque<Waiting>> waiting = new ConcurrentHashMap<>();

    private final ExecutorService committers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("top-up-committer-", 0).factory());

    CoalescingTopUps(
            WalletRepository wallets,
            TopUpRecords records,
            DailyLimits dailyLimits,
            TransactionTemplate transactions,
            BalanceCeiling ceiling,
            ConcurrencyProperties.Coalescing settings,
            Clock clock,
            RequestTraces traces) {
        this.traces = traces;
        this.wallets = wallets;
        this.records = records;
        this.dailyLimits = dailyLimits;
        this.transactions = transactions;
        this.ceiling = ceiling;
        this.maxBatch = settings.maxBatch();
        this.clock = clock;
    }

    /** @param trace the request's trace, carried to the committer's thread for the outbox row; null for none */
    private record Waiting(TopUpCommand command, @Nullable TraceContext trace, CompletableFuture<TopUp> answer) {

        TopUp await() {
            try {
                return answer.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }

    @Override
    public TopUp apply(TopUpCommand command) {
        Waiting mine = new Waiting(command, traces.current(), new CompletableFuture<>());
        if (enqueue(mine)) {
            committers.execute(() -> commitAll(command.userId()));
        }
        return mine.await();
    }

    /** @return whether the user's queue was empty, so that a committer must be started for it */
    private boolean enqueue(Waiting top) {
        boolean[] first = {false};
        waiting.compute(top.command().userId(), (user, queue) -> {
            ArrayDeque<Waiting> existing = queue;
            if (existing == null) {
                existing = new ArrayDeque<>();
                first[0] = true;
            }
            existing.add(top);
            return existing;
        });
        return first[0];
    }

    private void commitAll(UUID userId) {
        for (List<Waiting> batch = next(userId); !batch.isEmpty(); batch = next(userId)) {
            commit(userId, batch);
        }
    }

    /** Up to maxBatch of the user's waiting top-ups; when there are none the user leaves the map, atomically. */
    private List<Waiting> next(UUID userId) {
        List<Waiting> batch = new ArrayList<>();
        waiting.computeIfPresent(userId, (user, queue) -> {
            while (batch.size() < maxBatch && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
            return batch.isEmpty() ? null : queue;
        });
        return batch;
    }

    private void commit(UUID userId, List<Waiting> batch) {
        List<Outcome> outcomes;
        try {
            outcomes = transactions.execute(status -> apply(userId, batch));
        } catch (RuntimeException | Error failed) {
            batch.forEach(top -> top.answer().completeExceptionally(failed));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            outcomes.get(i).answer(batch.get(i).answer());
        }
    }

    private sealed interface Outcome {

        void answer(CompletableFuture<TopUp> answer);

        record Committed(TopUp topUp) implements Outcome {
            @Override
            public void answer(CompletableFuture<TopUp> answer) {
                answer.complete(topUp);
            }
        }

        record Refused(RuntimeException reason) implements Outcome {
            @Override
            public void answer(CompletableFuture<TopUp> answer) {
                answer.completeExceptionally(reason);
            }
        }
    }

    /** In one transaction: lock the wallet, record each top-up that fits, move the wallet and the day on once. */
    private List<Outcome> apply(UUID userId, List<Waiting> batch) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
        Wallet locked = wallets.findByUserIdForUpdate(userId).orElseThrow(() -> new WalletNotFound(userId));
        Wallet current = locked;
        DailyTotals todayBefore = dailyLimits.today(userId, now);
        DailyTotals today = todayBefore;
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (Waiting top : batch) {
            BigDecimal amount = top.command().amount().value();
            BigDecimal raised;
            try {
                raised = ceiling.raise(current.balance(), amount);
            } catch (BalanceCeilingExceeded refused) {
                outcomes.add(new Outcome.Refused(refused));
                continue;
            }
            Optional<DailyLimitExceeded> overLimit = today.refusal(amount);
            if (overLimit.isPresent()) {
                outcomes.add(new Outcome.Refused(overLimit.get()));
                continue;
            }
            Wallet credited =
                    new Wallet(current.id(), current.userId(), raised, current.currency(), current.version() + 1);
            TopUp topUp = records.of(top.command(), credited, now);
            boolean written;
            try (CurrentTraceContext.Scope trace = traces.resume(top.trace())) {
                written = records.writeUnlessKeyUsed(topUp);
            }
            if (written) {
                current = credited;
                today = today.plus(amount);
                outcomes.add(new Outcome.Committed(topUp));
            } else {
                outcomes.add(new Outcome.Refused(new DuplicateTopUpRequest()));
            }
        }
        if (current != locked) {
            wallets.advance(locked, current.balance(), current.version(), now);
        }
        if (today != todayBefore) {
            dailyLimits.save(today);
        }
        return outcomes;
    }

    @Override
    public void close() {
        committers.close(); // waits for the committers at work: every answer they owe is given
    }
}
