package com.outboxwallet.api.topup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import com.outboxwallet.api.ProblemResponses;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every hostile or malformed top-up is a 4xx problem+json with a stable type, names what it expected, leaks nothing
 * of the server's insides, and writes nothing.
 */
class HostileTopUpInputIT extends ApiServiceIntegrationTest {

    private static final String JSON = "application/json";

    @Autowired
    JsonMapper json;

    static Stream<Arguments> hostileInputs() {
        return Stream.of(
                invalidAmount("\"0\""),
                invalidAmount("\"0.00\""),
                invalidAmount("\"-1.00\""),
                invalidAmount("\"1.001\""),
                invalidAmount("\"1e3\""),
                invalidAmount("\"1E3\""),
                invalidAmount("\"NaN\""),
                invalidAmount("\"Infinity\""),
                invalidAmount("\"-Infinity\""),
                invalidAmount("\"abc\""),
                invalidAmount("\"\""),
                invalidAmount("\" 10.00\""),
                invalidAmount("\"10.00 \""),
                invalidAmount("\"010.00\""),
                invalidAmount("\"+10.00\""),
                invalidAmount("\"10.\""),
                invalidAmount("\".50\""),
                invalidAmount("\"1,000.00\""),
                invalidAmount("\"0x10\""),
                invalidAmount("\"\uFF11\uFF10\""),
                invalidAmount("\"1000000.01\""),
                invalidAmount("\"99999999999999999999.00\""),
                invalidAmount("null"),
                arguments("no amount", JSON, "{}", 400, "invalid-request"),
                wrongType("10.00"),
                wrongType("1e3"),
                wrongType("true"),
                wrongType("[\"10.00\"]"),
                wrongType("{}"),
                arguments("a 5000-digit number", JSON, "{\"amount\":" + "9".repeat(5000) + "}", 400, "malformed-body"),
                arguments(
                        "deep nesting",
                        JSON,
                        "{\"amount\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                        400,
                        "malformed-body"),
                unknownField("balance", "\"999999.00\""),
                unknownField("walletId", "\"00000000-0000-0000-0000-000000000000\""),
                unknownField("userId", "\"00000000-0000-0000-0000-000000000000\""),
                unknownField("__proto__", "{}"),
                arguments(
                        "the amount twice",
                        JSON,
                        "{\"amount\":\"1.00\",\"amount\":\"900000.00\"}",
                        400,
                        "malformed-body"),
                arguments("not JSON", JSON, "amount=10.00", 400, "malformed-body"),
                arguments("an empty body", JSON, "", 400, "malformed-body"),
                arguments("an array body", JSON, "[]", 400, "malformed-body"),
                arguments("trailing garbage", JSON, "{\"amount\":\"10.00\"} x", 400, "malformed-body"),
                arguments("a truncated body", JSON, "{\"amount\":\"10.0", 400, "malformed-body"),
                arguments("text/plain", "text/plain", "{\"amount\":\"10.00\"}", 415, "unsupported-media-type"),
                arguments("XML", "application/xml", "<amount>10.00</amount>", 415, "unsupported-media-type"),
                arguments(
                        "a form post to the JSON API",
                        "application/x-www-form-urlencoded",
                        "amount=10.00",
                        415,
                        "unsupported-media-type"),
                arguments(
                        "a 20 KB body",
                        JSON,
                        "{\"amount\":\"10.00\"" + " ".repeat(20_000) + "}",
                        413,
                        "payload-too-large"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void isAProblemThatNamesWhatWasExpectedAndWritesNothing(
            String description, String contentType, String body, int status, String type) {
        Credentials alice = aUser();

        HttpResponse<String> response = api().send(api().request(alice, "/api/v1/topups")
                .header("Content-Type", contentType)
                .header("Idempotency-Key", anyKey())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());

        ProblemResponses.assertProblem(json, response, status, type);
        assertThat(topUpsOf(alice)).isZero();
        assertThat(outboxRowsOf(alice)).isZero();
        assertThat(json.readTree(api().get(alice, "/api/v1/wallet").body())
                        .get("balance")
                        .asString())
                .isEqualTo("0.00");
    }

    @Test
    void aLargeBodyWithoutContentLengthIsCutOffAt413() {
        Credentials alice = aUser();
        byte[] body = ("{\"amount\":\"10.00\"" + " ".repeat(20_000) + "}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = api().send(api().request(alice, "/api/v1/topups")
                .header("Content-Type", JSON)
                .header("Idempotency-Key", anyKey())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("/problems/payload-too-large");
        assertThat(topUpsOf(alice)).isZero();
    }

    @Test
    void aChunkedLoginFormLargerThanTheLimitIsCutOffAt413() {
        byte[] form = ("username=alice&password=" + "x".repeat(100_000)).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = api().send(api().request(null, "/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form)))
                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("/problems/payload-too-large");
    }

    private static Arguments invalidAmount(String amount) {
        return arguments("amount " + amount, JSON, "{\"amount\":" + amount + "}", 400, "invalid-request");
    }

    private static Arguments wrongType(String amount) {
        return arguments("amount as JSON " + amount, JSON, "{\"amount\":" + amount + "}", 400, "malformed-body");
    }

    private static Arguments unknownField(String field, String value) {
        return arguments(
                "unknown field " + field,
                JSON,
                "{\"amount\":\"10.00\",\"" + field + "\":" + value + "}",
                400,
                "malformed-body");
    }
}
