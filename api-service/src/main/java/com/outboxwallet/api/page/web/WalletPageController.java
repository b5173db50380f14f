package com.outboxwallet.api.page.web;

import com.outboxwallet.api.Refusal;
import com.outboxwallet.api.auth.WalletUser;
import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.api.idempotency.IdempotencyKeyReused;
import com.outboxwallet.api.idempotency.InvalidIdempotencyKey;
import com.outboxwallet.api.idempotency.RequestInFlight;
import com.outboxwallet.api.payment.InvalidPaymentMethod;
import com.outboxwallet.api.payment.Payment;
import com.outboxwallet.api.payment.PaymentMethod;
import com.outboxwallet.api.payment.PaymentNotFound;
import com.outboxwallet.api.payment.PaymentProviderUnavailable;
import com.outboxwallet.api.payment.Payments;
import com.outboxwallet.api.ratelimit.RateLimited;
import com.outboxwallet.api.ratelimit.web.CountedAtIdempotencyClaim;
import com.outboxwallet.api.topup.Amount;
import com.outboxwallet.api.topup.AmountAboveMaximum;
import com.outboxwallet.api.topup.DailyLimitExceeded;
import com.outboxwallet.api.topup.DirectTopUpNotAllowed;
import com.outboxwallet.api.topup.DirectTopUps;
import com.outboxwallet.api.topup.IdempotentTopUps;
import com.outboxwallet.api.topup.InvalidAmount;
import com.outboxwallet.api.topup.TopUp;
import com.outboxwallet.api.topup.TopUpNotFound;
import com.outboxwallet.api.topup.TopUpProperties;
import com.outboxwallet.api.topup.TopUpService;
import com.outboxwallet.api.topup.strategy.WalletBusy;
import com.outboxwallet.api.wallet.BalanceCeilingExceeded;
import com.outboxwallet.api.wallet.Wallet;
import com.outboxwallet.api.wallet.WalletNotFound;
import com.outboxwallet.api.wallet.WalletRepository;
import com.outboxwallet.api.web.Refusals;
import com.outboxwallet.problems.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The seed's HTML page, made safe to double-click: every render carries a fresh {@code _idempotency_key} in the form,
 * so a double submit or a resubmitted form is one request under one key and credits once.
 */
@Controller
class WalletPageController {

    static final String FORM_PATH = "/topups";
    static final String PAYMENTS_PATH = "/payments";

    private final IdempotentTopUps idempotentTopUps;
    private final TopUpService topUps;
    private final WalletRepository wallets;
    private final boolean directTopUps;
    /** Absent when funded top-ups are off ({@code wallet.payments.enabled}). */
    private final @Nullable Payments payments;

    WalletPageController(
            IdempotentTopUps idempotentTopUps,
            TopUpService topUps,
            WalletRepository wallets,
            TopUpProperties topUpProperties,
            ObjectProvider<Payments> payments) {
        this.idempotentTopUps = idempotentTopUps;
        this.topUps = topUps;
        this.wallets = wallets;
        this.directTopUps = topUpProperties.direct() == DirectTopUps.USERS;
        this.payments = payments.getIfAvailable();
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String page(
            @AuthenticationPrincipal WalletUser user,
            @RequestParam(required = false) String toppedUp,
            @RequestParam(required = false) String pending,
            Model model) {
        if (toppedUp != null) {
            model.addAttribute("notice", toppedUpNotice(user, toppedUp));
        }
        if (pending != null) {
            model.addAttribute("notice", "Your top-up is being processed; its result shows below once it is done.");
        }
        return render(user, model, "");
    }

    @CountedAtIdempotencyClaim
    @PostMapping(FORM_PATH)
    String topUp(
            @AuthenticationPrincipal WalletUser user,
            @RequestParam(name = "_idempotency_key", required = false) String key,
            @RequestParam(required = false) String amount,
            Model model,
            HttpServletResponse response) {
        Amount parsed = Amount.parse(amount);
        TopUp topUp = idempotentTopUps
                .topUp(user.id(), new IdempotencyKey(key), parsed)
                .topUp();
        return "redirect:/?toppedUp=" + topUp.id();
    }

    /** A funded top-up: the payment is opened at the provider, and its page shows how to pay it and where it stands. */
    @PostMapping(PAYMENTS_PATH)
    String pay(
            @AuthenticationPrincipal WalletUser user,
            @RequestParam(name = "_idempotency_key", required = false) String key,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String method,
            Model model,
            HttpServletResponse response) {
        Payments open = payments();
        Amount parsed = Amount.parse(amount);
        PaymentMethod how =
                PaymentMethod.fromWireName(method == null ? "" : method).orElseThrow(InvalidPaymentMethod::new);
        Payment payment =
                open.open(user.id(), new IdempotencyKey(key), parsed, how).payment();
        return "redirect:" + PAYMENTS_PATH + "/" + payment.id();
    }

    /** One payment: how to pay it, and its state, the page reloading itself while it is open. */
    @GetMapping(PAYMENTS_PATH + "/{id}")
    String payment(@AuthenticationPrincipal WalletUser user, @PathVariable String id, Model model) {
        Payment payment;
        try {
            payment = payments().find(user.id(), UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            throw new PaymentNotFound();
        }
        model.addAttribute("username", user.getUsername());
        model.addAttribute("payment", payment);
        model.addAttribute("open", payment.state().open());
        return "payment";
    }

    private Payments payments() {
        if (payments == null) {
            throw new PaymentNotFound();
        }
        return payments;
    }

    /** An amount the service cannot read: the page shows it again, with what is expected. */
    @ExceptionHandler(InvalidAmount.class)
    String invalidAmount(
            @AuthenticationPrincipal WalletUser user,
            InvalidAmount invalid,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response) {
        return refused(
                user,
                model,
                response,
                Refusals.typeOf(invalid).status(),
                request.getParameter("amount"),
                "Enter an amount greater than 0: " + Amount.EXPECTED + ".");
    }

    /** The first submit of a double click is still running: show the page, which has the result once it is done. */
    @ExceptionHandler(RequestInFlight.class)
    String inFlight() {
        return "redirect:/?pending";
    }

    /** The status of each refusal is the JSON API's, from the one table of refusals; the page shows why. */
    @ExceptionHandler({
        BalanceCeilingExceeded.class,
        DailyLimitExceeded.class,
        IdempotencyKeyReused.class,
        AmountAboveMaximum.class,
        InvalidIdempotencyKey.class,
        WalletBusy.class,
        RateLimited.class,
        DirectTopUpNotAllowed.class,
        InvalidPaymentMethod.class,
        PaymentProviderUnavailable.class
    })
    String refused(@AuthenticationPrincipal WalletUser user, Refusal e, Model model, HttpServletResponse response) {
        ProblemType type = Refusals.typeOf(e);
        String why = type.retryAfter() ? "Please try again in a moment: " + e.getMessage() + "." : e.getMessage() + ".";
        return refused(user, model, response, type.status(), "", why);
    }

    private String refused(
            WalletUser user,
            Model model,
            HttpServletResponse response,
            HttpStatus status,
            String amount,
            String error) {
        response.setStatus(status.value());
        model.addAttribute("error", error);
        return render(user, model, amount == null ? "" : amount);
    }

    private String render(WalletUser user, Model model, String amount) {
        Wallet wallet = wallets.findByUserId(user.id()).orElseThrow(() -> new WalletNotFound(user.id()));
        model.addAttribute("username", user.getUsername());
        model.addAttribute("wallet", wallet);
        model.addAttribute("topUps", topUps.page(user.id(), 0, 10));
        model.addAttribute("directTopUps", directTopUps);
        model.addAttribute("payments", payments == null ? null : payments.page(user.id(), 0, 5));
        model.addAttribute("amount", amount);
        model.addAttribute("amountFormat", Amount.FORMAT); // the browser checks what the service will
        // A new key for every form rendered: the form's submits share it, two separate forms never do.
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "wallet";
    }

    private @Nullable String toppedUpNotice(WalletUser user, String topUpId) {
        try {
            TopUp topUp = topUps.find(user.id(), UUID.fromString(topUpId));
            return "Topped up " + topUp.amount().toPlainString() + " " + topUp.currency() + ".";
        } catch (IllegalArgumentException | TopUpNotFound e) {
            return null;
        }
    }
}
