package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.events.TopUpAccepted;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in a real headless Chromium (Debian's chromium and chromium-driver, as WalletPageBrowserIT in
 * the api-service; the Maven profile {@code without-chromium} leaves it out where /usr/bin/chromium is missing, and
 * .ci/run checks it ran). No relay runs here, so the page must say so and show everything else. Leaves a screenshot
 * in {@code target/console/console.png}.
 */
class OperatorConsoleBrowserIT extends LedgerIntegrationTest {

    private static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "console", "console.png");

    private WebDriver browser;
    private WebDriverWait until;
    private Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1280,2600",
                        "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
        until = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void theOperatorSeesTheOpenGapTheDeadLettersTheLagAndThatTheRelayIsUnreachable() throws IOException {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted first = aTopUpOf("10.00", wallet, 1);
        TopUpAccepted late = aTopUpOf("20.00", wallet, 2);
        TopUpAccepted third = aTopUpOf("30.00", wallet, 3);
        double deadLettersBefore = deadLettersCounted();

        publish(UUID.randomUUID(), first);
        publish(UUID.randomUUID(), third); // sequence 2 skipped: a gap
        publish(UUID.randomUUID(), TopUpAccepted.TYPE, wallet.toString(), "{not json".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> auditRowsOf(third.topUpId()) == 1 && deadLettersCounted() > deadLettersBefore);

        try {
            // Basic credentials in the address: Chromium sends them on navigation, as after the login prompt.
            browser.get("http://" + OPERATOR + ":" + OPERATOR_PASSWORD + "@localhost:" + port + "/console?refresh=0");
            until.until(ExpectedConditions.presenceOfElementLocated(By.id("glance")));

            WebElement gapRow = gapRowOf(wallet);
            assertThat(gapRow.findElements(By.tagName("td")).get(1).getText()).isEqualTo("2");
            assertThat(Long.parseLong(text("gaps-missing").replace(",", ""))).isPositive();

            assertThat(text("dead-letter-count")).isEqualTo(count(deadLettersCounted()));
            assertThat(browser.findElement(By.id("dead-letters")).getText())
                    .contains("dead-letters list", "dead-letters redrive <partition:offset>");

            assertThat(browser.findElement(By.id("consumer-lag")).getText()).contains("Recent maximum");
            assertThat(text("lag-max")).matches("[0-9,]+ records|no fetch yet");

            assertThat(text("relay-status")).startsWith("relay unreachable").contains(NO_RELAY);
            assertThat(browser.findElement(By.id("glance")).getText())
                    .contains("relay unreachable", "Last reconcile not recorded");
            assertThat(text("replay-summary")).isNotBlank();

            // A rate needs two readings at least a second apart: reload until the page has both.
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        browser.navigate().refresh();
                        return until.until(ExpectedConditions.presenceOfElementLocated(By.id("apply-rate")))
                                .getText()
                                .contains("/s applied");
                    });
            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            // Close the gap: the other tests share this ledger, and some expect no gap open.
            publish(UUID.randomUUID(), late);
            await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(late.topUpId()) == 1);
        }

        browser.navigate().refresh();
        until.until(ExpectedConditions.presenceOfElementLocated(By.id("gaps")));
        assertThat(browser.findElement(By.id("gaps")).getText()).doesNotContain(wallet.toString());
        assertThat(SCREENSHOT).isNotEmptyFile();
    }

    @Test
    void theConsoleIsForTheOperatorOnly() throws Exception {
        HttpResponse<String> anonymous = get("/console", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"ledger\"");
        assertThat(get("/console", OPERATOR, "not-the-password").statusCode()).isEqualTo(401);

        HttpResponse<String> page = get("/console", OPERATOR, OPERATOR_PASSWORD);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> type.startsWith("text/html"));
        assertThat(page.body())
                .contains("<meta http-equiv=\"refresh\" content=\"10\">", "relay unreachable")
                .doesNotContain("Exception:\n\tat ");
    }

    private WebElement gapRowOf(UUID wallet) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#gap-ranges tbody tr"));
        return rows.stream()
                .filter(row -> row.getText().contains(wallet.toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no open gap of wallet " + wallet + " on the page: "
                        + browser.findElement(By.id("gaps")).getText()));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
