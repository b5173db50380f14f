package com.outboxwallet.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AdminUsersIT extends ApiServiceIntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void anAdminCreatesAUserWhoCanTopUpTheirNewWallet() {
        String username = "carol-" + UUID.randomUUID().toString().substring(0, 6);

        HttpResponse<String> created = api().post(admin(), "/api/v1/admin/users", null,
                "{\"username\":\"" + username + "\",\"password\":\"carol-password-123\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode user = json.readTree(created.body());
        assertThat(user.get("role").asString()).isEqualTo("USER");
        Credentials carol = new Credentials(username, "carol-password-123", UUID.fromString(user.get("id").asString()),
                UUID.fromString(user.get("walletId").asString()));
        assertThat(api().topUp(carol, anyKey(), "42.00").statusCode()).isEqualTo(201);
        assertThat(json.readTree(api().get(carol, "/api/v1/wallet").body()).get("walletId").asString())
                .isEqualTo(carol.walletId().toString());
    }

    @Test
    void aSecondUserWithTheSameNameIsAConflict() {
        Credentials alice = aUser();

        HttpResponse<String> duplicate = api().post(admin(), "/api/v1/admin/users", null,
                "{\"username\":\"" + alice.username() + "\",\"password\":\"another-password-1\"}");

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(json.readTree(duplicate.body()).get("type").asString()).isEqualTo("/problems/username-taken");
    }

    @Test
    void aPlainUserMayNotCreateUsers() {
        HttpResponse<String> refused = api().post(aUser(), "/api/v1/admin/users", null,
                "{\"username\":\"mallory\",\"password\":\"mallory-password-1\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json.readTree(refused.body()).get("type").asString()).isEqualTo("/problems/forbidden");
    }
}
