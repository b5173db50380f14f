package com.outboxwallet.api.topup.strategy;

import com.outboxwallet.api.topup.DailyLimits;
import com.outboxwallet.api.topup.TopUp;
import com.outboxwallet.api.topup.TopUpCommand;
import com.outboxwallet.api.topup.TopUpRecords;
import com.outboxwallet.api.topup.TopUpTransaction;
import com.outboxwallet.api.wallet.Wallet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction per top-up: the credit strategy raises the balance, the day's totals take the top-up (or refuse it),
 * then the top-up and its outbox row are written.
 */
final class CreditThenRecord implements TopUpTransaction {

    private final CreditStrategy credit;
    private final TransactionTemplate transactions;
    private final TopUpRecords records;
    private final DailyLimits dailyLimits;
    private final Clock clock;

    CreditThenRecord(
            CreditStrategy credit,
            TransactionTemplate transactions,
            TopUpRecords records,
            DailyLimits dailyLimits,
            Clock clock) {
        this.credit = credit;
        this.transactions = transactions;
        this.records = records;
        this.dailyLimits = dailyLimits;
        this.clock = clock;
    }

    @Override
    public TopUp apply(TopUpCommand command) {
        return credit.around(
                command.userId(),
                () -> transactions.execute(status -> {
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
                    Wallet credited =
                            credit.credit(command.userId(), command.amount().value(), now);
                    // The credit holds the wallet's row lock: the day's totals are now this transaction's to read and
                    // raise.
                    dailyLimits.take(command.userId(), command.amount().value(), now);
                    TopUp topUp = records.of(command, credited, now);
                    records.write(topUp);
                    return topUp;
                }));
    }
}
