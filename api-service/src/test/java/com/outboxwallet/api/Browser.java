package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's view of the web page: a cookie jar, the login form and its CSRF token, no redirects followed. */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final WalletApi page;

    public Browser(String baseUrl) {
        this(baseUrl, HttpClient.newBuilder());
    }

    /** @param from the local address to connect from: the client address the server sees */
    public Browser(String baseUrl, InetAddress from) {
        this(baseUrl, HttpClient.newBuilder().localAddress(from));
    }

    private Browser(String baseUrl, HttpClient.Builder http) {
        this.page = new WalletApi(
                baseUrl,
                http.cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build());
    }

    /** Fills in and posts the login form, with the CSRF token the form carries. */
    public HttpResponse<String> submitLogin(String username, String password) {
        Matcher token = CSRF.matcher(get("/login").body());
        assertThat(token.find()).as("the login form has a CSRF token").isTrue();
        String form =
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        return page.send(page.request(null, "/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    public void logIn(ApiServiceTestBase.Credentials user) {
        HttpResponse<String> loggedIn = submitLogin(user.username(), user.password());
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    public HttpResponse<String> get(String path) {
        return page.get(null, path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
