package com.outboxwallet.faults;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the check found of the funded top-ups. {@code lost} and {@code doubleCredited} are the promise's two figures for
 * them; every violation is listed in words.
 *
 * @param acknowledged   payments the clients were told were opened
 * @param payments       rows in {@code payments} at the end
 * @param states         how many payments ended in each state
 * @param credited       top-ups a settlement made
 * @param reversals      credits taken back after the provider reversed the payment
 * @param shortfall      what reversals could not take back, the balance being lower (owed by the users)
 * @param lost           payments settled at the provider and never credited, or acknowledged and not recorded
 * @param doubleCredited payments credited more than once
 * @param creditedUnpaid payments credited although the provider expired, cancelled, denied or never opened them
 * @param uncompensated  payments credited, then reversed at the provider, whose credit was never taken back
 * @param unsent         payments no client asked for
 * @param ledgerMismatches reversals the ledger did not book as the wallet made them
 */
record FundedFindings(
        long acknowledged,
        long payments,
        Map<String, Long> states,
        long credited,
        long reversals,
        BigDecimal shortfall,
        long lost,
        long doubleCredited,
        long creditedUnpaid,
        long uncompensated,
        long unsent,
        long ledgerMismatches,
        List<String> violations) {

    long inState(String state) {
        return states.getOrDefault(state, 0L);
    }
}
