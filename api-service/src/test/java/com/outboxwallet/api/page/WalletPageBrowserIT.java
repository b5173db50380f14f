package com.outboxwallet.api.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import com.outboxwallet.api.topup.Amount;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web page in a real headless Chromium ({@link HeadlessChromium}). */
class WalletPageBrowserIT extends ApiServiceIntegrationTest {

    @RegisterExtension
    final HeadlessChromium chromium = new HeadlessChromium();

    private WebDriver browser;
    private WebDriverWait until;

    @BeforeEach
    void browser() {
        browser = chromium.browser();
        until = chromium.until();
    }

    @Test
    void aUserLogsInTopsUpAndSeesTheNewBalance() {
        Credentials alice = aUser();
        logIn(alice);
        assertThat(balance()).isEqualTo("0.00");

        topUp("150000.00");

        until.until(ExpectedConditions.textToBe(By.id("balance"), "150000.00"));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Topped up 150000.00 IDR.");
        assertThat(browser.findElements(By.cssSelector("#topups tbody tr"))).hasSize(1);
        assertThat(topUpsOf(alice)).isEqualTo(1);
    }

    @Test
    void aDoubleClickCreditsOnce() {
        Credentials alice = aUser();
        logIn(alice);

        browser.findElement(By.id("amount")).sendKeys("25.00");
        WebElement submit = browser.findElement(By.id("submit"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].click(); arguments[0].click();", submit);

        until.until(ExpectedConditions.textToBe(By.id("balance"), "25.00"));
        assertThat(topUpsOf(alice)).isEqualTo(1);
    }

    @Test
    void theSameFormSubmittedTwiceAtOnceCreditsOnce() {
        Credentials alice = aUser();
        logIn(alice);
        browser.findElement(By.id("amount")).sendKeys("10.00");

        // What a resubmitted form or a double click without the page's script sends: the same form data twice, at
        // once, with the same session, CSRF token and idempotency key.
        @SuppressWarnings("unchecked")
        List<Object> statuses = (List<Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('topup');
                const post = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)),
                                                       redirect: 'manual'}).then(r => r.type);
                Promise.all([post(), post()]).then(done, e => done(String(e)));
                """);
        browser.navigate().refresh();

        assertThat(statuses).containsOnly("opaqueredirect");
        until.until(ExpectedConditions.textToBe(By.id("balance"), "10.00"));
        assertThat(topUpsOf(alice)).isEqualTo(1);
        assertThat(browser.findElements(By.cssSelector("#topups tbody tr"))).hasSize(1);
    }

    @Test
    void everyRenderedFormCarriesANewKey() {
        logIn(aUser());
        String first = idempotencyKey();

        browser.navigate().refresh();

        assertThat(idempotencyKey()).isNotBlank().isNotEqualTo(first);
    }

    @Test
    void theBrowserChecksTheAmountByTheServicesOwnFormat() {
        logIn(aUser());

        assertThat(browser.findElement(By.id("amount")).getDomAttribute("pattern"))
                .isEqualTo(Amount.FORMAT);
    }

    @Test
    void anInvalidAmountIsExplainedAndChangesNothing() {
        Credentials alice = aUser();
        logIn(alice);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('amount').removeAttribute('pattern')");

        topUp("1e3");

        until.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(browser.findElement(By.id("error")).getText()).contains("at most 2 fraction digits");
        assertThat(balance()).isEqualTo("0.00");
        assertThat(topUpsOf(alice)).isZero();
    }

    private void logIn(Credentials user) {
        chromium.logIn(port, user);
    }

    private void topUp(String amount) {
        WebElement form = browser.findElement(By.id("topup"));
        browser.findElement(By.id("amount")).sendKeys(amount);
        browser.findElement(By.id("submit")).click();
        // While the old document is torn down, Chrome may answer for its node with an "unknown error" (the node does
        // not belong to the document) rather than a stale reference: asked again, it says stale.
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(form));
        until.until(ExpectedConditions.presenceOfElementLocated(By.id("balance")));
    }

    private String balance() {
        return browser.findElement(By.id("balance")).getText();
    }

    private String idempotencyKey() {
        return browser.findElement(By.name("_idempotency_key")).getDomAttribute("value");
    }
}
