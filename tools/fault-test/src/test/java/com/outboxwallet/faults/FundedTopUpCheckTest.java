package com.outboxwallet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.faults.FundedTopUpCheck.Credit;
import com.outboxwallet.faults.FundedTopUpCheck.PaymentRow;
import com.outboxwallet.faults.FundedTopUpCheck.Reversal;
import com.outboxwallet.faults.History.Ending;
import com.outboxwallet.faults.History.Outcome;
import com.outboxwallet.faults.PlannedTopUp.Payer;
import com.outboxwallet.paysim.SimulatorControl.OrderView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The funded top-ups' check finds each way money can go wrong, and passes a run where none did. */
class FundedTopUpCheckTest {

    private static final String WALLET = "wallet-0";

    private final History history = new History();
    private final List<PaymentRow> payments = new ArrayList<>();
    private final List<Credit> credits = new ArrayList<>();
    private final List<Reversal> reversals = new ArrayList<>();
    private final List<Reversal> booked = new ArrayList<>();
    private final List<OrderView> orders = new ArrayList<>();
    private int next;

    @Test
    void aRunWhereEveryPaymentEndedAsTheProviderSaysIsClean() {
        String settled = aPayment("settlement", "SETTLED");
        credited(settled);
        String refunded = aPayment("refund", "REVERSED");
        reversed(credited(refunded), refunded);
        aPayment("refund", "REVERSED"); // reversed before its settlement was heard of: never credited
        aPayment("expire", "EXPIRED");
        aPayment("cancel", "FAILED");

        FundedFindings findings = check();

        assertThat(findings.violations()).isEmpty();
        assertThat(findings.acknowledged()).isEqualTo(5);
        assertThat(findings.credited()).isEqualTo(2);
        assertThat(findings.reversals()).isOne();
        assertThat(findings.inState("REVERSED")).isEqualTo(2);
    }

    @Test
    void aSettlementNeverCreditedIsLost() {
        aPayment("settlement", "PENDING");

        FundedFindings findings = check();

        assertThat(findings.lost()).isOne();
        assertThat(findings.violations()).anyMatch(violation -> violation.contains("never credited"));
    }

    @Test
    void aPaymentCreditedTwiceIsCounted() {
        String payment = aPayment("settlement", "SETTLED");
        credited(payment);
        credited(payment);

        assertThat(check().doubleCredited()).isOne();
    }

    @Test
    void anExpiredPaymentThatCreditedIsCreditedWithoutASettlement() {
        credited(aPayment("expire", "EXPIRED"));

        assertThat(check().creditedUnpaid()).isOne();
    }

    @Test
    void aRefundWhoseCreditWasNeverTakenBackIsUncompensated() {
        credited(aPayment("chargeback", "REVERSED"));

        assertThat(check().uncompensated()).isOne();
    }

    @Test
    void aReversalTheLedgerDidNotBookIsAMismatch() {
        String payment = aPayment("refund", "REVERSED");
        credited(payment);
        reversals.add(new Reversal(UUID.randomUUID().toString(), payment, WALLET, amount(), amount()));

        FundedFindings findings = check();

        assertThat(findings.ledgerMismatches()).isOne();
        assertThat(findings.violations()).anyMatch(violation -> violation.contains("not booked by the ledger"));
    }

    @Test
    void aPaymentAcknowledgedButNotRecordedIsLost() {
        PlannedTopUp planned = aFundedTopUp();
        history.sending(planned);
        history.ended(
                new Ending(planned, Outcome.ACKNOWLEDGED, UUID.randomUUID().toString(), 0));

        assertThat(check().lost()).isOne();
    }

    @Test
    void aPaymentInAStateTheProviderContradictsIsAViolation() {
        aPayment("expire", "SETTLED");

        assertThat(check().violations()).anyMatch(violation -> violation.contains("expected EXPIRED or FAILED"));
    }

    @Test
    void aPaymentNoClientAskedForIsUnsent() {
        String id = UUID.randomUUID().toString();
        payments.add(new PaymentRow(id, FaultRun.username(0), "made-up", amount(), "EXPIRED", id));
        orders.add(order(id, "expire"));

        assertThat(check().unsent()).isOne();
    }

    private FundedFindings check() {
        return new FundedTopUpCheck(Map.of(FaultRun.username(0), 0))
                .check(history, payments, credits, reversals, booked, orders);
    }

    private PlannedTopUp aFundedTopUp() {
        int number = next++;
        return new PlannedTopUp(number, 0, "fault-1-" + number, amount(), Payer.PAYS);
    }

    /** A payment a client opened and was told of, its state here and its status at the provider. */
    private String aPayment(String providerStatus, String state) {
        PlannedTopUp planned = aFundedTopUp();
        String id = UUID.randomUUID().toString();
        history.sending(planned);
        history.ended(new Ending(planned, Outcome.ACKNOWLEDGED, id, 0));
        payments.add(new PaymentRow(id, FaultRun.username(0), planned.idempotencyKey(), amount(), state, id));
        orders.add(order(id, providerStatus));
        return id;
    }

    private String credited(String paymentId) {
        String topUpId = UUID.randomUUID().toString();
        credits.add(new Credit(topUpId, paymentId, amount()));
        return topUpId;
    }

    private void reversed(String topUpId, String paymentId) {
        Reversal reversal = new Reversal(UUID.randomUUID().toString(), paymentId, WALLET, amount(), amount());
        reversals.add(reversal);
        booked.add(reversal);
    }

    private static OrderView order(String id, String status) {
        return new OrderView(id, "tx-" + id, status, "150.00", null, List.of());
    }

    private static BigDecimal amount() {
        return new BigDecimal("150.00");
    }
}
