package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AdminUsersIT extends ApiServiceIntegrationTest {

    /** 25 characters of three bytes each: 75 bytes, more than bcrypt reads. */
    private static final String SEVENTY_FIVE_BYTES = "密".repeat(25);

    @Autowired
    JsonMapper json;

    @Test
    void anAdminCreatesAUserWhoCanTopUpTheirNewWallet() {
        String username = "carol-" + UUID.randomUUID().toString().substring(0, 6);

        HttpResponse<String> created = createUser(username, "carol-password-123");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode user = json.readTree(created.body());
        assertThat(user.get("role").asString()).isEqualTo("USER");
        assertThat(user.get("enabled").asBoolean()).isTrue();
        Credentials carol = new Credentials(
                username,
                "carol-password-123",
                UUID.fromString(user.get("id").asString()),
                UUID.fromString(user.get("walletId").asString()));
        assertThat(api().topUp(carol, anyKey(), "42.00").statusCode()).isEqualTo(201);
        assertThat(json.readTree(api().get(carol, "/api/v1/wallet").body())
                        .get("walletId")
                        .asString())
                .isEqualTo(carol.walletId().toString());
    }

    @Test
    void theLocationOfACreatedUserReadsTheSameUser() {
        HttpResponse<String> created =
                createUser("dave-" + UUID.randomUUID().toString().substring(0, 6), "dave-password-123");

        HttpResponse<String> read =
                api().get(admin(), created.headers().firstValue("Location").orElseThrow());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json.readTree(read.body())).isEqualTo(json.readTree(created.body()));
    }

    @Test
    void usersAreListedByNameOnePageAtATime() {
        aUser();
        aUser();
        aUser();

        JsonNode first = json.readTree(
                api().get(admin(), "/api/v1/admin/users?page=0&size=2").body());
        JsonNode second = json.readTree(
                api().get(admin(), "/api/v1/admin/users?page=1&size=2").body());

        assertThat(first.get("totalElements").asLong()).isGreaterThanOrEqualTo(4); // the admin and these three at least
        assertThat(first.get("content")).hasSize(2);
        List<String> names = List.of(
                first.get("content").get(0).get("username").asString(),
                first.get("content").get(1).get("username").asString(),
                second.get("content").get(0).get("username").asString());
        assertThat(names).isSorted().doesNotHaveDuplicates();
        assertThat(first.get("content").get(0).has("passwordHash")).isFalse();
    }

    @Test
    void aPageSizeOutOfRangeIsABadRequest() {
        HttpResponse<String> tooLarge = api().get(admin(), "/api/v1/admin/users?size=100000");

        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tooLarge.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("size");
    }

    @Test
    void anUnknownOrMalformedUserIdIsNotAServerError() {
        assertThat(api().get(admin(), "/api/v1/admin/users/" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(404);
        assertThat(api().get(admin(), "/api/v1/admin/users/not-a-uuid").statusCode())
                .isEqualTo(400);
        assertThat(api().post(admin(), "/api/v1/admin/users/" + UUID.randomUUID() + "/disable", null, "")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aDisabledUserIsRefusedAtOnceAndAnEnabledOneLetInAgain() {
        Credentials alice = aUser();
        assertThat(api().get(alice, "/api/v1/wallet").statusCode()).isEqualTo(200); // verified and cached

        HttpResponse<String> disabled =
                api().post(admin(), "/api/v1/admin/users/" + alice.userId() + "/disable", null, "");

        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(json.readTree(disabled.body()).get("enabled").asBoolean()).isFalse();
        assertThat(api().get(alice, "/api/v1/wallet").statusCode()).isEqualTo(401);
        assertThat(api().topUp(alice, anyKey(), "10.00").statusCode()).isEqualTo(401);
        assertThat(topUpsOf(alice)).isZero();

        api().post(admin(), "/api/v1/admin/users/" + alice.userId() + "/enable", null, "");

        assertThat(api().get(alice, "/api/v1/wallet").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorCannotDisableThemselves() {
        UUID adminId = jdbc.sql("SELECT id FROM users WHERE username = 'admin'")
                .query(UUID.class)
                .single();

        HttpResponse<String> refused = api().post(admin(), "/api/v1/admin/users/" + adminId + "/disable", null, "");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json.readTree(refused.body()).get("type").asString()).isEqualTo("/problems/self-lockout");
        assertThat(api().get(admin(), "/api/v1/wallet").statusCode()).isEqualTo(200);
    }

    @Test
    void aResetPasswordReplacesTheOldOneAtOnce() {
        Credentials alice = aUser();
        assertThat(api().get(alice, "/api/v1/wallet").statusCode()).isEqualTo(200);

        HttpResponse<String> reset = api().put(
                        admin(),
                        "/api/v1/admin/users/" + alice.userId() + "/password",
                        "{\"password\":\"a-brand-new-password\"}");

        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(api().get(alice, "/api/v1/wallet").statusCode()).isEqualTo(401);
        assertThat(api().get(withPassword(alice, "a-brand-new-password"), "/api/v1/wallet")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aUserChangesTheirOwnPasswordOnlyWithTheCurrentOne() {
        Credentials alice = aUser();

        HttpResponse<String> wrong = api().put(
                        alice,
                        "/api/v1/account/password",
                        "{\"currentPassword\":\"not-my-password\",\"newPassword\":\"my-next-password\"}");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(json.readTree(wrong.body()).get("type").asString()).isEqualTo("/problems/current-password-wrong");
        assertThat(api().get(alice, "/api/v1/wallet").statusCode()).isEqualTo(200);

        HttpResponse<String> changed = api().put(
                        alice,
                        "/api/v1/account/password",
                        "{\"currentPassword\":\"" + alice.password() + "\",\"newPassword\":\"my-next-password\"}");

        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(api().get(alice, "/api/v1/wallet").statusCode()).isEqualTo(401);
        assertThat(api().get(withPassword(alice, "my-next-password"), "/api/v1/wallet")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsABadRequestWhereverItIsSet() {
        Credentials alice = aUser();
        String username = "erin-" + UUID.randomUUID().toString().substring(0, 6);

        assertPasswordRefused(createUser(username, SEVENTY_FIVE_BYTES), "password");
        assertPasswordRefused(
                api().put(
                                admin(),
                                "/api/v1/admin/users/" + alice.userId() + "/password",
                                "{\"password\":\"" + SEVENTY_FIVE_BYTES + "\"}"),
                "password");
        assertPasswordRefused(
                api().put(
                                alice,
                                "/api/v1/account/password",
                                "{\"currentPassword\":\"" + alice.password() + "\",\"newPassword\":\""
                                        + SEVENTY_FIVE_BYTES + "\"}"),
                "newPassword");

        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE username = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(api().get(alice, "/api/v1/wallet").statusCode()).isEqualTo(200);
    }

    @Test
    void aShortPasswordIsABadRequest() {
        assertPasswordRefused(createUser("frank-" + UUID.randomUUID().toString().substring(0, 6), "short"), "password");
    }

    @Test
    void aSecondUserWithTheSameNameIsAConflict() {
        Credentials alice = aUser();

        HttpResponse<String> duplicate = createUser(alice.username(), "another-password-1");

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(json.readTree(duplicate.body()).get("type").asString()).isEqualTo("/problems/username-taken");
    }

    @Test
    void aPlainUserMayNotManageUsers() {
        Credentials mallory = aUser();

        HttpResponse<String> refused = api().post(
                        mallory,
                        "/api/v1/admin/users",
                        null,
                        "{\"username\":\"mallory\",\"password\":\"mallory-password-1\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json.readTree(refused.body()).get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(api().get(mallory, "/api/v1/admin/users").statusCode()).isEqualTo(403);
        assertThat(api().post(mallory, "/api/v1/admin/users/" + aUser().userId() + "/disable", null, "")
                        .statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> createUser(String username, String password) {
        return api().post(
                        admin(),
                        "/api/v1/admin/users",
                        null,
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    private void assertPasswordRefused(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/invalid-request");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("expected").asString()).contains("72 bytes");
    }

    private static Credentials withPassword(Credentials user, String password) {
        return new Credentials(user.username(), password, user.userId(), user.walletId());
    }
}
