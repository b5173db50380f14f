package com.outboxwallet.faults;

import com.outboxwallet.faults.History.Attempt;
import com.outboxwallet.faults.History.Ending;
import com.outboxwallet.faults.History.Outcome;
import com.outboxwallet.paysim.SimulatorControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clients topping up over HTTP, as a careful client would: a top-up whose answer is a timeout, a connection error, a
 * {@code 5xx}, a {@code 409} (the same key still in flight) or a {@code 429} is sent again — the same key, the same
 * body, to the same or another api-service instance — until a final answer: {@code 2xx}, or another {@code 4xx}. Only
 * when the run ends does a client give up, and its top-up is then indeterminate. A funded top-up opens a payment the
 * same way; once it is open, its user does at the provider what the plan says (pays, pays and is refunded, cancels,
 * or lets it expire).
 */
final class TopUpClients {

    private static final Logger log = LoggerFactory.getLogger(TopUpClients.class);

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final FaultTestSettings settings;
    private final List<URI> apis;
    private final SimulatorControl provider;
    private final List<String> authorizations;
    private final History history;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final AtomicInteger next = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    /** When the next new top-up is due (System.nanoTime); see {@link #awaitTurn()}. */
    private final AtomicLong nextDue = new AtomicLong();

    private volatile boolean finishing;
    private volatile long giveUpAtNanos;

    /**
     * @param authorizations each user's HTTP Basic authorization, by user number
     * @param provider       where the users pay their payments
     */
    TopUpClients(
            FaultTestSettings settings,
            List<URI> apis,
            List<String> authorizations,
            SimulatorControl provider,
            History history) {
        this.settings = settings;
        this.apis = List.copyOf(apis);
        this.provider = provider;
        this.authorizations = authorizations;
        this.history = history;
    }

    /** @param moreWanted asked once the planned number is sent: whether to go on (the faults are not over) */
    void start(BooleanSupplier moreWanted) {
        nextDue.set(System.nanoTime());
        for (int client = 0; client < settings.clients(); client++) {
            int id = client;
            threads.add(Thread.ofPlatform().name("client-" + id).start(() -> run(id, moreWanted)));
        }
    }

    /**
     * Once the faults are over: the clients send the rest of the planned top-ups and stop; a top-up still without a
     * final answer that long from now ends indeterminate.
     */
    void finish(Duration retryingAtMost) throws InterruptedException {
        giveUpAtNanos = System.nanoTime() + retryingAtMost.toNanos();
        finishing = true;
        for (Thread thread : threads) {
            thread.join();
        }
        http.close();
    }

    private void run(int client, BooleanSupplier moreWanted) {
        while (true) {
            int number = next.getAndIncrement();
            if (number >= settings.topUps() && !moreWanted.getAsBoolean()) {
                return;
            }
            awaitTurn();
            PlannedTopUp topUp = PlannedTopUp.of(settings.seed(), number, settings.users(), settings.fundedPercent());
            history.sending(topUp);
            history.ended(send(client, topUp));
        }
    }

    /**
     * At most {@code rate} new top-ups a second over all clients. A client that fell behind (its last top-up took
     * long) does not make up for lost time: after a stall, the load resumes at the rate rather than in a burst of
     * everything missed, which on 2 cores would starve the very restarts the run is waiting for.
     */
    private void awaitTurn() {
        if (settings.rate() > 0) {
            long interval = 1_000_000_000L / settings.rate();
            long due = nextDue.getAndUpdate(next -> Math.max(next, System.nanoTime()) + interval);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private Ending send(int client, PlannedTopUp topUp) {
        int instance = client % apis.size();
        long backoffMillis = 100;
        for (int attempt = 1; ; attempt++) {
            long started = System.currentTimeMillis();
            String answer;
            try {
                HttpResponse<String> response =
                        http.send(request(apis.get(instance), topUp), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                answer = Integer.toString(status);
                history.attempted(new Attempt(
                        topUp.number(), attempt, "api-" + (instance + 1), started, System.currentTimeMillis(), answer));
                if (status == 200 || status == 201) {
                    Matcher id = ID.matcher(response.body());
                    String answered = id.find() ? id.group(1) : null;
                    if (topUp.funded() && answered != null) {
                        pay(topUp, answered);
                    }
                    return new Ending(topUp, Outcome.ACKNOWLEDGED, answered, System.currentTimeMillis());
                }
                if (status >= 400 && status < 500 && status != 409 && status != 429) {
                    return new Ending(topUp, Outcome.REFUSED, null, System.currentTimeMillis());
                }
            } catch (HttpTimeoutException e) {
                history.attempted(new Attempt(
                        topUp.number(),
                        attempt,
                        "api-" + (instance + 1),
                        started,
                        System.currentTimeMillis(),
                        "timeout"));
                instance = (instance + 1) % apis.size();
            } catch (IOException e) {
                history.attempted(new Attempt(
                        topUp.number(),
                        attempt,
                        "api-" + (instance + 1),
                        started,
                        System.currentTimeMillis(),
                        "io: " + e.getClass().getSimpleName()));
                instance = (instance + 1) % apis.size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Ending(topUp, Outcome.INDETERMINATE, null, System.currentTimeMillis());
            }
            if (finishing && System.nanoTime() - giveUpAtNanos > 0) {
                return new Ending(topUp, Outcome.INDETERMINATE, null, System.currentTimeMillis());
            }
            // A client's back-off before it tries again, with jitter so that clients do not retry in step.
            LockSupport.parkNanos(Duration.ofMillis(
                            backoffMillis / 2 + ThreadLocalRandom.current().nextLong(backoffMillis / 2 + 1))
                    .toNanos());
            backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
        }
    }

    /**
     * What the user does at the provider once the payment is open. The provider may refuse (a payment the
     * {@code reversals} fault already refunded cannot be refunded again): what happened is in the provider's order,
     * which the check reads as the truth.
     */
    private void pay(PlannedTopUp topUp, String paymentId) {
        try {
            switch (Objects.requireNonNull(topUp.payer())) {
                case PAYS -> provider.pay(paymentId);
                case PAYS_THEN_REFUNDS -> {
                    provider.pay(paymentId);
                    provider.refund(paymentId);
                }
                case CANCELS -> provider.cancel(paymentId);
                case LETS_IT_EXPIRE -> {}
            }
        } catch (IllegalStateException | UncheckedIOException refused) {
            log.debug("The provider refused what {}'s payer did: {}", paymentId, refused.getMessage());
        }
    }

    private HttpRequest request(URI api, PlannedTopUp topUp) {
        return HttpRequest.newBuilder(api.resolve(topUp.path()))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorizations.get(topUp.user()))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", topUp.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(topUp.body()))
                .build();
    }
}
