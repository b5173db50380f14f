package com.outboxwallet.api.topup;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.api.topup.strategy.ConcurrencyStrategy;
import com.outboxwallet.api.topup.strategy.TopUpStrategies;
import com.outboxwallet.api.topup.strategy.WalletBusy;
import com.outboxwallet.api.wallet.WalletProperties;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The daily limits hold under concurrency, for every strategy, and a replay never counts twice. */
@TestPropertySource(properties = {"wallet.limits.daily-amount=100.00", "wallet.limits.daily-count=40"})
class DailyLimitIT extends ApiServiceIntegrationTest {

    private static final int CONCURRENT = 50;

    @Autowired
    TopUpStrategies strategies;

    @Autowired
    WalletProperties walletProperties;

    @Autowired
    TopUpRepository topUpRepository;

    @Autowired
    JsonMapper json;

    @Autowired
    DailyTotalsRetention retention;

    @Test
    void fiftyConcurrentTopUpsOverHttpAroundTheAmountLimitPassItNever() throws Exception {
        Credentials alice = aUser();

        List<HttpResponse<String>> answers = inParallel(CONCURRENT, () -> api().topUp(alice, anyKey(), "3.00"));

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201, 422);
        assertThat(answers.stream().filter(answer -> answer.statusCode() == 201))
                .hasSize(33); // 33 × 3.00 = 99.00
        HttpResponse<String> refused = answers.stream()
                .filter(answer -> answer.statusCode() == 422)
                .findFirst()
                .orElseThrow();
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/limit-exceeded");
        assertThat(problem.get("remainingAmount").asString()).isEqualTo("1.00");
        assertThat(problem.get("remainingCount").asInt()).isEqualTo(7);
        assertThat(problem.get("resetsAt").asString()).endsWith("T17:00:00Z"); // midnight in Asia/Jakarta
        assertThat(balanceOf(alice)).isEqualByComparingTo("99.00");
        assertThat(topUpsOf(alice)).isEqualTo(33);
        assertThat(today(alice)).isEqualTo(List.of("99.00", "33"));
    }

    @ParameterizedTest
    @EnumSource(ConcurrencyStrategy.class)
    void noStrategyLetsConcurrentTopUpsPassTheDailyLimits(ConcurrencyStrategy strategy) throws Exception {
        Credentials byAmount = aUser();
        Credentials byCount = aUser();
        TopUpService topUps = new TopUpService(strategies.create(strategy), walletProperties, topUpRepository);

        List<Boolean> amountAccepted = inParallel(CONCURRENT, () -> accepted(topUps, byAmount, "3.00"));
        List<Boolean> countAccepted = inParallel(CONCURRENT, () -> accepted(topUps, byCount, "1.00"));

        assertThat(amountAccepted.stream().filter(accepted -> accepted)).hasSize(33);
        assertThat(balanceOf(byAmount)).isEqualByComparingTo("99.00");
        assertThat(countAccepted.stream().filter(accepted -> accepted)).hasSize(40);
        assertThat(balanceOf(byCount)).isEqualByComparingTo("40.00");
        assertThat(today(byCount)).isEqualTo(List.of("40.00", "40"));
    }

    @Test
    void aReplayOfAnAcceptedTopUpIsAnsweredAndNeverCountedTwiceEvenWhenTheDayIsUsedUp() {
        Credentials alice = aUser();
        String first = anyKey();
        assertThat(api().topUp(alice, first, "60.00").statusCode()).isEqualTo(201);
        assertThat(api().topUp(alice, first, "60.00").statusCode()).isEqualTo(201);
        assertThat(api().topUp(alice, anyKey(), "40.00").statusCode())
                .as("60 + 40 fits")
                .isEqualTo(201);

        HttpResponse<String> retry = api().topUp(alice, first, "60.00");

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(api().topUp(alice, anyKey(), "0.01").statusCode()).isEqualTo(422);
        assertThat(today(alice)).isEqualTo(List.of("100.00", "2"));
    }

    private static boolean accepted(TopUpService topUps, Credentials user, String amount) {
        TopUpCommand command =
                new TopUpCommand(user.userId(), new IdempotencyKey("key-" + UUID.randomUUID()), Amount.parse(amount));
        while (true) {
            try {
                topUps.topUp(command);
                return true;
            } catch (DailyLimitExceeded refused) {
                return false;
            } catch (WalletBusy gaveUp) {
                // Nothing was written; the same command is the client's retry.
            }
        }
    }

    private static <T> List<T> inParallel(int times, Callable<T> task) throws Exception {
        List<T> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(times)) {
            for (Future<T> result : pool.invokeAll(java.util.Collections.nCopies(times, task))) {
                results.add(result.get());
            }
        }
        return results;
    }

    private BigDecimal balanceOf(Credentials user) {
        return jdbc.sql("SELECT balance FROM wallets WHERE id = :w")
                .param("w", user.walletId())
                .query(BigDecimal.class)
                .single();
    }

    private List<String> today(Credentials user) {
        return jdbc.sql("SELECT amount, count FROM daily_top_up_totals WHERE user_id = :u")
                .param("u", user.userId())
                .query((rs, n) ->
                        List.of(rs.getBigDecimal("amount").toPlainString(), String.valueOf(rs.getInt("count"))))
                .single();
    }

    @Test
    void oldDaysTotalsAreDeletedAndTodaysStillHoldTheLimit() {
        Credentials alice = aUser();
        assertThat(api().topUp(alice, anyKey(), "60.00").statusCode()).isEqualTo(201);
        LocalDate today = LocalDate.now(walletProperties.limits().dayZone());
        for (int daysAgo : new int[] {30, 8, 7}) {
            jdbc.sql("INSERT INTO daily_top_up_totals (user_id, day, amount, count) VALUES (:user, :day, 1.00, 1)")
                    .param("user", alice.userId())
                    .param("day", today.minusDays(daysAgo))
                    .update();
        }

        assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(2);

        assertThat(jdbc.sql("SELECT day FROM daily_top_up_totals WHERE user_id = :user ORDER BY day")
                        .param("user", alice.userId())
                        .query(LocalDate.class)
                        .list())
                .as("kept: wallet.limits.daily-totals-kept (7 days) and today")
                .containsExactly(today.minusDays(7), today);
        assertThat(api().topUp(alice, anyKey(), "50.00").statusCode())
                .as("today's 60.00 still counts against the 100.00 a day")
                .isEqualTo(422);
    }
}
