package com.outboxwallet.api.page;

import com.outboxwallet.api.ApiServiceTestBase.Credentials;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for the page's tests (Debian's chromium and chromium-driver; .ci/run installs them, and
 * the browser tests are left out of the build where /usr/bin/chromium is missing), with a profile of its own: a new
 * one for each test, {@code @RegisterExtension final HeadlessChromium chromium = new HeadlessChromium();}.
 */
final class HeadlessChromium implements BeforeEachCallback, AfterEachCallback {

    private static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");

    private @Nullable Path profile;
    private @Nullable WebDriver browser;
    private @Nullable WebDriverWait until;

    @Override
    public void beforeEach(ExtensionContext context) {
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                        "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
        until = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    WebDriver browser() {
        return Objects.requireNonNull(browser, "the browser runs during a test");
    }

    WebDriverWait until() {
        return Objects.requireNonNull(until, "the browser runs during a test");
    }

    /** Logs in through the login form and waits for the wallet's page. */
    void logIn(int port, Credentials user) {
        WebDriver browser = browser();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user.username());
        browser.findElement(By.id("password")).sendKeys(user.password());
        browser.findElement(By.id("login")).click();
        until().until(ExpectedConditions.presenceOfElementLocated(By.id("balance")));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile == null) {
            return;
        }
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
