package com.outboxwallet.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import com.outboxwallet.api.auth.Role;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user and its wallet are written together or not at all. */
class ProvisioningIT extends ApiServiceIntegrationTest {

    /** The wallet insert of any user named crash-... fails, as a process dying between the two inserts would. */
    @BeforeEach
    void walletInsertsOfCrashUsersFail() {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION fail_crash_wallets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF (SELECT username FROM users WHERE id = NEW.user_id) LIKE 'crash-%' THEN
                        RAISE EXCEPTION 'the process died between the user and its wallet';
                    END IF;
                    RETURN NEW;
                END $$""").update();
        jdbc.sql("CREATE OR REPLACE TRIGGER crash_between_user_and_wallet BEFORE INSERT ON wallets"
                        + " FOR EACH ROW EXECUTE FUNCTION fail_crash_wallets()")
                .update();
    }

    @AfterEach
    void walletInsertsSucceedAgain() {
        jdbc.sql("DROP TRIGGER crash_between_user_and_wallet ON wallets").update();
    }

    @Test
    void startUpProvisioningThatFailsBetweenUserAndWalletLeavesNeitherAndTheNextStartProvisionsBoth() {
        String username = "crash-" + UUID.randomUUID().toString().substring(0, 8);

        assertThatThrownBy(() -> accounts.createIfAbsent(username, "a-long-enough-password", Role.USER))
                .hasMessageContaining("the process died");
        assertThat(usersNamed(username)).isZero();

        walletInsertsSucceedAgain();
        accounts.createIfAbsent(username, "a-long-enough-password", Role.USER);
        walletInsertsOfCrashUsersFail();

        assertThat(usersNamed(username)).isOne();
        assertThat(walletsOfUsersNamed(username)).isOne();
    }

    @Test
    void anAdminCreatedUserWhoseWalletFailsIsNotCreated() {
        String username = "crash-" + UUID.randomUUID().toString().substring(0, 8);

        assertThatThrownBy(() -> accounts.create(username, "a-long-enough-password", Role.USER))
                .hasMessageContaining("the process died");

        assertThat(usersNamed(username)).isZero();
    }

    @Test
    void provisioningAnExistingUserKeepsItsPasswordAndWallet() {
        Credentials alice = aUser();

        accounts.createIfAbsent(alice.username(), "another-password-entirely", Role.ADMIN);

        assertThat(walletsOfUsersNamed(alice.username())).isOne();
        assertThat(api().get(alice, "/api/v1/wallet").statusCode()).isEqualTo(200);
        assertThat(accounts.find(alice.userId()).role()).isEqualTo(Role.USER);
    }

    @Test
    void anAccountWhosePasswordTheEnvironmentHoldsTakesTheNewOneAtTheNextStartAndTheOldOneStopsWorking() {
        Credentials scraper = aUser();
        String rotated = "rotated-in-the-environment";

        accounts.provision(scraper.username(), rotated, Role.METRICS);

        assertThat(api().get(scraper, "/api/v1/wallet").statusCode())
                .as("the old password")
                .isEqualTo(401);
        assertThat(api().get(withPassword(scraper, rotated), "/api/v1/wallet").statusCode())
                .isEqualTo(200);
        assertThat(accounts.find(scraper.userId()).role())
                .as("provisioning sets the password, never the role")
                .isEqualTo(Role.USER);
        assertThat(walletsOfUsersNamed(scraper.username())).isOne();
    }

    @Test
    void provisioningWithThePasswordAnAccountAlreadyHasChangesNothing() {
        Credentials admin = aUser();
        long version = credentialsVersionOf(admin.username());

        accounts.provision(admin.username(), admin.password(), Role.ADMIN);

        assertThat(credentialsVersionOf(admin.username())).isEqualTo(version);
        assertThat(api().get(admin, "/api/v1/wallet").statusCode()).isEqualTo(200);
    }

    private static Credentials withPassword(Credentials user, String password) {
        return new Credentials(user.username(), password, user.userId(), user.walletId());
    }

    private long credentialsVersionOf(String username) {
        return jdbc.sql("SELECT credentials_version FROM users WHERE username = :username")
                .param("username", username)
                .query(Long.class)
                .single();
    }

    private long usersNamed(String username) {
        return jdbc.sql("SELECT count(*) FROM users WHERE username = :username")
                .param("username", username)
                .query(Long.class)
                .single();
    }

    private long walletsOfUsersNamed(String username) {
        return jdbc.sql("SELECT count(*) FROM wallets w JOIN users u ON u.id = w.user_id WHERE u.username = :username")
                .param("username", username)
                .query(Long.class)
                .single();
    }
}
