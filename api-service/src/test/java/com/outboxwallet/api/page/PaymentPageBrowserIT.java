package com.outboxwallet.api.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.payment.WithPaymentSimulator;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A funded top-up from the web page, in a real headless Chromium, paid through the payment simulator. */
class PaymentPageBrowserIT extends WithPaymentSimulator {

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
    void aUserPaysIntoAVirtualAccountAndWatchesThePaymentSettle() {
        Credentials alice = aUser();
        chromium.logIn(port, alice);

        WebElement form = browser.findElement(By.id("pay"));
        browser.findElement(By.id("pay-amount")).sendKeys("150000.00");
        new Select(browser.findElement(By.id("pay-method"))).selectByValue("virtual-account");
        browser.findElement(By.id("pay-submit")).click();
        until.until(ExpectedConditions.stalenessOf(form));

        until.until(ExpectedConditions.textToBe(By.id("payment-state"), "PENDING"));
        String account = browser.findElement(By.id("virtual-account")).getText();
        assertThat(account).matches("[0-9]{6,}");
        assertThat(browser.findElement(By.id("payment-amount")).getText()).isEqualTo("150000.00");

        SIMULATOR.payVirtualAccount(account);

        // The page reloads itself while the payment is open: no click between pending and settled.
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.id("payment-state"), "SETTLED"));
        assertThat(browser.findElement(By.id("payment-settled")).getText()).contains("credited");
        browser.findElement(By.linkText("Back to the wallet")).click();
        until.until(ExpectedConditions.textToBe(By.id("balance"), "150000.00"));
        assertThat(browser.findElements(By.cssSelector("#payments tbody tr"))).hasSize(1);
    }
}
