package com.outboxwallet.faults;

import com.outboxwallet.faults.History.Ending;
import com.outboxwallet.faults.History.Outcome;
import com.outboxwallet.paysim.SimulatorControl.OrderView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The funded top-ups' part of the check, with the provider's own record as the truth of where the money is: every
 * payment the provider settled (and kept) is credited exactly once; one it expired, cancelled or denied, or never
 * opened, is credited never; one it took back after crediting is compensated exactly once, in the wallet and in the
 * ledger; and every payment a client was told of exists, as that client asked for it.
 */
final class FundedTopUpCheck {

    /** A row of {@code payments}. */
    record PaymentRow(String id, String username, String key, BigDecimal amount, String state, String orderId) {}

    /** A funded top-up: a row of {@code top_ups} with its {@code payment_id}. */
    record Credit(String topUpId, String paymentId, BigDecimal amount) {}

    /** A row of {@code payment_reversals}, or of the ledger's {@code ledger_reversals}. */
    record Reversal(String id, String paymentId, String walletId, BigDecimal amount, BigDecimal debited) {}

    private static final Set<String> KEPT = Set.of("settlement");
    /** The provider statuses of a payment it took back after settling it. */
    static final Set<String> TAKEN_BACK = Set.of("refund", "partial_refund", "chargeback");

    private static final Set<String> NEVER_PAID = Set.of("expire", "cancel", "deny");

    private final Map<String, Integer> userNumbers;

    FundedTopUpCheck(Map<String, Integer> userNumbers) {
        this.userNumbers = userNumbers;
    }

    FundedFindings check(
            History history,
            List<PaymentRow> payments,
            List<Credit> credits,
            List<Reversal> reversals,
            List<Reversal> bookedReversals,
            List<OrderView> orders) {
        List<String> violations = new ArrayList<>();
        Map<String, OrderView> ordersById = new HashMap<>();
        orders.forEach(order -> ordersById.put(order.orderId(), order));
        Map<String, List<Credit>> creditsByPayment = new HashMap<>();
        credits.forEach(credit -> creditsByPayment
                .computeIfAbsent(credit.paymentId(), id -> new ArrayList<>())
                .add(credit));
        Map<String, Reversal> reversalsByPayment = new HashMap<>();
        reversals.forEach(reversal -> reversalsByPayment.put(reversal.paymentId(), reversal));
        Map<String, PaymentRow> byId = new HashMap<>();
        Map<String, Long> states = new HashMap<>();

        long lost = 0;
        long doubleCredited = 0;
        long creditedUnpaid = 0;
        long uncompensated = 0;
        long unsent = 0;
        for (PaymentRow payment : payments) {
            byId.put(payment.id(), payment);
            states.merge(payment.state(), 1L, Long::sum);
            var sent = history.sentUnder(payment.key());
            Integer user = userNumbers.get(payment.username());
            if (sent.isEmpty()
                    || !sent.get().funded()
                    || user == null
                    || sent.get().user() != user
                    || sent.get().amount().compareTo(payment.amount()) != 0) {
                unsent++;
                violations.add("a payment no client asked for: " + payment.id() + " " + payment.username() + " "
                        + payment.key() + " " + payment.amount());
            }
            List<Credit> paid = creditsByPayment.getOrDefault(payment.id(), List.of());
            if (paid.size() > 1) {
                doubleCredited++;
                violations.add("payment " + payment.id() + " credited " + paid.size() + " times");
            }
            paid.stream()
                    .filter(credit -> credit.amount().compareTo(payment.amount()) != 0)
                    .forEach(credit -> violations.add(
                            "payment " + payment.id() + " of " + payment.amount() + " credited " + credit.amount()));
            Reversal reversal = reversalsByPayment.get(payment.id());
            @Nullable OrderView order = ordersById.get(payment.orderId());
            String truth = order == null ? "never opened" : order.status();
            if (KEPT.contains(truth)) {
                if (paid.isEmpty()) {
                    lost++;
                    violations.add("payment " + payment.id() + " settled at the provider, never credited ("
                            + payment.state() + ")");
                }
                expectState(payment, truth, violations, "SETTLED");
                if (reversal != null) {
                    violations.add("payment " + payment.id() + " kept by its payer, yet reversed");
                }
            } else if (TAKEN_BACK.contains(truth)) {
                expectState(payment, truth, violations, "REVERSED");
                // Credited then taken back, or reversed before the wallet heard of the settlement and never credited.
                if (paid.size() == 1 && reversal == null) {
                    uncompensated++;
                    violations.add("payment " + payment.id() + " was " + truth + " but its credit was never reversed");
                } else if (paid.isEmpty() && reversal != null) {
                    violations.add("payment " + payment.id() + " reversed, never having been credited");
                } else if (reversal != null && reversal.amount().compareTo(payment.amount()) != 0) {
                    violations.add(
                            "payment " + payment.id() + " of " + payment.amount() + " reversed " + reversal.amount());
                }
            } else {
                if (!paid.isEmpty()) {
                    creditedUnpaid++;
                    violations.add("payment " + payment.id() + " credited, yet at the provider: " + truth);
                }
                if (NEVER_PAID.contains(truth)) {
                    expectState(payment, truth, violations, "EXPIRED", "FAILED");
                } else if (order == null) {
                    expectState(payment, truth, violations, "FAILED");
                } else {
                    violations.add("payment " + payment.id() + " still " + truth + " at the provider");
                }
            }
        }

        long fundedAcknowledged = 0;
        for (Ending ending : history.endings()) {
            if (!ending.topUp().funded()) {
                continue;
            }
            String key = ending.topUp().idempotencyKey();
            if (ending.outcome() == Outcome.ACKNOWLEDGED) {
                fundedAcknowledged++;
                PaymentRow row = ending.id() == null ? null : byId.get(ending.id());
                if (row == null || !row.key().equals(key)) {
                    lost++;
                    violations.add("payment acknowledged as " + ending.id() + " but not in payments: key " + key);
                }
            } else if (ending.outcome() == Outcome.REFUSED
                    && payments.stream().anyMatch(payment -> payment.key().equals(key))) {
                violations.add("payment refused, yet recorded: key " + key);
            }
        }

        Map<String, Reversal> booked = new HashMap<>();
        bookedReversals.forEach(reversal -> booked.put(reversal.id(), reversal));
        long ledgerMismatches = 0;
        for (Reversal reversal : reversals) {
            Reversal inLedger = booked.remove(reversal.id());
            if (inLedger == null
                    || !inLedger.paymentId().equals(reversal.paymentId())
                    || inLedger.debited().compareTo(reversal.debited()) != 0
                    || inLedger.amount().compareTo(reversal.amount()) != 0) {
                ledgerMismatches++;
                violations.add("reversal " + reversal.id() + " of payment " + reversal.paymentId()
                        + (inLedger == null ? " not booked by the ledger" : " booked otherwise: " + inLedger));
            }
            if (!byId.containsKey(reversal.paymentId())) {
                violations.add("reversal " + reversal.id() + " of a payment that does not exist");
            }
        }
        booked.values()
                .forEach(extra -> violations.add("the ledger booked a reversal the wallet never made: " + extra));
        ledgerMismatches += booked.size();

        BigDecimal shortfall = reversals.stream()
                .map(reversal -> reversal.amount().subtract(reversal.debited()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new FundedFindings(
                fundedAcknowledged,
                payments.size(),
                Map.copyOf(states),
                credits.size(),
                reversals.size(),
                shortfall,
                lost,
                doubleCredited,
                creditedUnpaid,
                uncompensated,
                unsent,
                ledgerMismatches,
                violations);
    }

    private static void expectState(PaymentRow payment, String truth, List<String> violations, String... expected) {
        if (!List.of(expected).contains(payment.state())) {
            violations.add("payment " + payment.id() + " is " + payment.state() + " but " + truth
                    + " at the provider; expected " + String.join(" or ", expected));
        }
    }
}
