package com.outboxwallet.ledger.console.web;

import com.outboxwallet.ledger.console.ApplyActivityReader;
import com.outboxwallet.ledger.console.ConsumerLagReader;
import com.outboxwallet.ledger.console.OpenGaps;
import com.outboxwallet.ledger.console.RelayStatusReader;
import com.outboxwallet.ledger.console.ReplayState;
import com.outboxwallet.process.ConditionalOnServing;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator console: the pipeline's health on one read-only page, for the operator account (SecurityConfiguration).
 * It reloads itself every {@code refresh} seconds (0: never). Each figure is read as the page is drawn; a part whose
 * source is down (the relay, the ledger database) says so in its place, so the page still shows everything else —
 * which is when an operator needs it most. Not part of the operator API: hidden from its OpenAPI document.
 */
@Hidden
@Controller
@ConditionalOnServing
class ConsoleController {

    private static final Logger log = LoggerFactory.getLogger(ConsoleController.class);

    static final int DEFAULT_REFRESH_SECONDS = 10;
    private static final int LONGEST_REFRESH_SECONDS = 3600;

    private final RelayStatusReader relay;
    private final ConsumerLagReader lag;
    private final ApplyActivityReader apply;
    private final OpenGaps gaps;
    private final ReplayState replay;

    ConsoleController(
            RelayStatusReader relay,
            ConsumerLagReader lag,
            ApplyActivityReader apply,
            OpenGaps gaps,
            ReplayState replay) {
        this.relay = relay;
        this.lag = lag;
        this.apply = apply;
        this.gaps = gaps;
        this.replay = replay;
    }

    @GetMapping(path = "/console", produces = MediaType.TEXT_HTML_VALUE)
    String console(@RequestParam(defaultValue = "" + DEFAULT_REFRESH_SECONDS) int refresh, Model model) {
        model.addAttribute("refreshSeconds", Math.clamp(refresh, 0, LONGEST_REFRESH_SECONDS));
        model.addAttribute(
                "generatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        model.addAttribute("relay", relay.read());
        model.addAttribute("lag", lag.read());
        model.addAttribute("apply", apply.read());
        model.addAttribute("gaps", fromDatabase("sequence gaps", gaps::read));
        model.addAttribute("replay", fromDatabase("replay state", replay::read));
        return "console";
    }

    /** @return what the ledger database says, or null (shown as "ledger database unreachable") when it cannot say */
    private static <T> @Nullable T fromDatabase(String what, Supplier<T> read) {
        try {
            return read.get();
        } catch (DataAccessException e) {
            log.warn("Operator console: {} could not be read: {}", what, e.getMessage());
            return null;
        }
    }
}
