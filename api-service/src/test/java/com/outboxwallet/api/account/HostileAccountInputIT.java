package com.outboxwallet.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import com.outboxwallet.api.ProblemResponses;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every hostile or malformed request to the account endpoints is a 4xx problem+json with a stable type, leaks nothing
 * of the server's insides, and changes nothing: no user is created, no password or access changes.
 */
class HostileAccountInputIT extends ApiServiceIntegrationTest {

    private static final String JSON = "application/json";
    /** 25 characters of three bytes: 75 bytes, more than bcrypt reads. */
    private static final String LONG_MULTIBYTE = "密".repeat(25);

    @Autowired
    JsonMapper json;

    enum Endpoint {
        CREATE_USER,
        RESET_PASSWORD,
        CHANGE_OWN_PASSWORD
    }

    static Stream<Arguments> hostileBodies() {
        return Stream.of(
                create("a username of 65 characters", user("a".repeat(65), "a-good-password"), 400, "invalid-request"),
                create("a username of full-width letters", user("ａｌｉｃｅ", "a-good-password"), 400, "invalid-request"),
                create("a username with a NUL", user("al\\u0000ice", "a-good-password"), 400, "invalid-request"),
                create("a username with a newline", user("alice\\nadmin", "a-good-password"), 400, "invalid-request"),
                create("upper case", user("ALICE", "a-good-password"), 400, "invalid-request"),
                create(
                        "a username as a number",
                        "{\"username\":123,\"password\":\"a-good-password\"}",
                        400,
                        "malformed-body"),
                create(
                        "a username as an array",
                        "{\"username\":[\"alice\"],\"password\":\"a-good-password\"}",
                        400,
                        "malformed-body"),
                create(
                        "a username as an object",
                        "{\"username\":{},\"password\":\"a-good-password\"}",
                        400,
                        "malformed-body"),
                create(
                        "a null username",
                        "{\"username\":null,\"password\":\"a-good-password\"}",
                        400,
                        "invalid-request"),
                create("no password", "{\"username\":\"hostile-a\"}", 400, "invalid-request"),
                create("a password of 75 bytes", user("hostile-b", LONG_MULTIBYTE), 400, "invalid-request"),
                create("a password of 129 characters", user("hostile-c", "p".repeat(129)), 400, "invalid-request"),
                create("a password with a NUL", user("hostile-d", "a-good-pass\\u0000word"), 400, "invalid-request"),
                create(
                        "a password with an escape character",
                        user("hostile-e", "a-good-pass\\u001bword"),
                        400,
                        "invalid-request"),
                create("a short password", user("hostile-f", "short"), 400, "invalid-request"),
                create(
                        "a password as a number",
                        "{\"username\":\"hostile-g\",\"password\":123456789012}",
                        400,
                        "malformed-body"),
                create(
                        "an unknown role",
                        "{\"username\":\"hostile-h\",\"password\":\"a-good-password\",\"role\":\"ROOT\"}",
                        400,
                        "malformed-body"),
                create(
                        "a role as a number",
                        "{\"username\":\"hostile-i\",\"password\":\"a-good-password\",\"role\":1}",
                        400,
                        "malformed-body"),
                create(
                        "the username twice",
                        "{\"username\":\"hostile-j\",\"username\":\"admin\",\"password\":\"a-good-password\"}",
                        400,
                        "malformed-body"),
                create(
                        "the role twice",
                        "{\"username\":\"hostile-k\",\"password\":\"a-good-password\","
                                + "\"role\":\"USER\",\"role\":\"ADMIN\"}",
                        400,
                        "malformed-body"),
                create(
                        "an id of its own",
                        "{\"id\":\"00000000-0000-0000-0000-000000000000\",\"username\":\"hostile-l\","
                                + "\"password\":\"a-good-password\"}",
                        400,
                        "malformed-body"),
                create(
                        "a password hash",
                        "{\"username\":\"hostile-m\",\"password\":\"a-good-password\","
                                + "\"passwordHash\":\"{noop}x\"}",
                        400,
                        "malformed-body"),
                create("not JSON", "username=hostile-n&password=a-good-password", 400, "malformed-body"),
                create("an empty body", "", 400, "malformed-body"),
                create("an array body", "[]", 400, "malformed-body"),
                create("a truncated body", "{\"username\":\"hostile-o\",\"password\":\"a-go", 400, "malformed-body"),
                create(
                        "a 20 KB body",
                        user("hostile-p", "a-good-password" + " ".repeat(20_000)),
                        413,
                        "payload-too-large"),
                reset("no password", "{}", 400, "invalid-request"),
                reset("a password of 75 bytes", password(LONG_MULTIBYTE), 400, "invalid-request"),
                reset("a password with a NUL", password("a-good-pass\\u0000word"), 400, "invalid-request"),
                reset("a password as an object", "{\"password\":{}}", 400, "malformed-body"),
                reset(
                        "the password twice",
                        "{\"password\":\"a-good-password\",\"password\":\"another-password\"}",
                        400,
                        "malformed-body"),
                reset("an enabled flag", "{\"password\":\"a-good-password\",\"enabled\":false}", 400, "malformed-body"),
                reset("not JSON", "password=a-good-password", 400, "malformed-body"),
                change("no current password", "{\"newPassword\":\"a-good-password\"}", 400, "invalid-request"),
                change("no new password", "{\"currentPassword\":\"%s\"}", 400, "invalid-request"),
                change("a new password of 75 bytes", change("%s", LONG_MULTIBYTE), 400, "invalid-request"),
                change("a new password with a NUL", change("%s", "a-good-pass\\u0000word"), 400, "invalid-request"),
                change(
                        "a current password of 75 bytes",
                        change(LONG_MULTIBYTE, "a-good-password"),
                        403,
                        "current-password-wrong"),
                change(
                        "a new password as a number",
                        "{\"currentPassword\":\"%s\",\"newPassword\":1}",
                        400,
                        "malformed-body"),
                change(
                        "the new password twice",
                        "{\"currentPassword\":\"%s\",\"newPassword\":\"a-good-password\","
                                + "\"newPassword\":\"another-password\"}",
                        400,
                        "malformed-body"),
                change(
                        "a username",
                        "{\"currentPassword\":\"%s\",\"newPassword\":\"a-good-password\",\"username\":\"admin\"}",
                        400,
                        "malformed-body"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostileBodies")
    void isAProblemAndChangesNothing(Endpoint endpoint, String description, String body, int status, String type) {
        Credentials alice = aUser();
        long users = users();
        long aliceVersion = credentialsVersionOf(alice);
        HttpRequest.Builder request = switch (endpoint) {
            case CREATE_USER ->
                api().request(admin(), "/api/v1/admin/users").POST(HttpRequest.BodyPublishers.ofString(body));
            case RESET_PASSWORD ->
                api().request(admin(), "/api/v1/admin/users/" + alice.userId() + "/password")
                        .PUT(HttpRequest.BodyPublishers.ofString(body));
            case CHANGE_OWN_PASSWORD ->
                api().request(alice, "/api/v1/account/password")
                        .PUT(HttpRequest.BodyPublishers.ofString(body.replace("%s", alice.password())));
        };

        HttpResponse<String> response =
                api().send(request.header("Content-Type", JSON).build());

        assertIsProblem(response, status, type);
        assertThat(users()).as("no user created").isEqualTo(users);
        assertThat(credentialsVersionOf(alice))
                .as("no password or access changed")
                .isEqualTo(aliceVersion);
        assertThat(api().get(alice, "/api/v1/wallet").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "not-a-uuid",
                "00000000-0000-0000-0000-00000000000g",
                "%00",
                "..%2F..%2Fadmin",
                "%E5%AF%86",
                "1%0d%0aX-Injected:%20yes"
            })
    void aHostileUserIdIsNotAServerError(String id) {
        for (HttpResponse<String> response : List.of(
                api().get(admin(), "/api/v1/admin/users/" + id),
                api().post(admin(), "/api/v1/admin/users/" + id + "/disable", null, ""),
                api().put(admin(), "/api/v1/admin/users/" + id + "/password", "{\"password\":\"a-good-password\"}"))) {
            assertThat(response.statusCode()).as(id).isBetween(400, 499);
            assertThat(response.headers().firstValue("X-Injected")).isEmpty();
            assertThat(response.body()).doesNotContain("Exception", "at com.", "at org.");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "page=-1",
                "page=abc",
                "size=0",
                "size=201",
                "size=-5",
                "page=99999999999",
                "page=1001",
                "size=1e3",
                "size=%00"
            })
    void aHostilePageIsABadRequest(String query) {
        HttpResponse<String> response = api().get(admin(), "/api/v1/admin/users?" + query);

        assertIsProblem(response, 400, null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
    void anythingButJsonIsUnsupported(String contentType) {
        long users = users();

        HttpResponse<String> response = api().send(api().request(admin(), "/api/v1/admin/users")
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(user("hostile-q", "a-good-password")))
                .build());

        assertIsProblem(response, 415, "unsupported-media-type");
        assertThat(users()).isEqualTo(users);
    }

    private void assertIsProblem(HttpResponse<String> response, int status, String type) {
        ProblemResponses.assertProblem(json, response, status, type);
    }

    private long users() {
        return jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
    }

    private long credentialsVersionOf(Credentials user) {
        return jdbc.sql("SELECT credentials_version FROM users WHERE id = :id")
                .param("id", user.userId())
                .query(Long.class)
                .single();
    }

    private static Arguments create(String description, String body, int status, String type) {
        return arguments(Endpoint.CREATE_USER, description, body, status, type);
    }

    private static Arguments reset(String description, String body, int status, String type) {
        return arguments(Endpoint.RESET_PASSWORD, description, body, status, type);
    }

    private static Arguments change(String description, String body, int status, String type) {
        return arguments(Endpoint.CHANGE_OWN_PASSWORD, description, body, status, type);
    }

    private static String user(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    private static String password(String password) {
        return "{\"password\":\"" + password + "\"}";
    }

    private static String change(String current, String next) {
        return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}";
    }
}
