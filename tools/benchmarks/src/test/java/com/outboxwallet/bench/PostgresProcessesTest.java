package com.outboxwallet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresProcessesTest {

    @Test
    void groupsAClientsBackendsByLoginAndDatabase() {
        assertThat(PostgresProcesses.groupOf("postgres: wallet_api wallet 127.0.0.1(40312) idle", null))
                .isEqualTo("wallet_api on wallet");
        assertThat(PostgresProcesses.groupOf("postgres: ledger_runtime ledger [local] INSERT", null))
                .isEqualTo("ledger_runtime on ledger");
    }

    @Test
    void namesAClientByItsApplicationWhereItSetOne() {
        assertThat(PostgresProcesses.groupOf("postgres: postgres wallet 127.0.0.1(40312) idle", "outbox-relay"))
                .isEqualTo("outbox-relay on wallet");
    }

    @Test
    void namesTheServersOwnProcessesByWhatTheyAre() {
        assertThat(PostgresProcesses.groupOf("postgres: walwriter", null)).isEqualTo("walwriter");
        assertThat(PostgresProcesses.groupOf("postgres: autovacuum worker wallet", null))
                .isEqualTo("autovacuum worker");
        assertThat(PostgresProcesses.groupOf("postgres: background writer   ", "x"))
                .isEqualTo("background writer");
    }

    @Test
    void countsWhatABackendSpentInTheStepAndWhatEndedProcessesSpentThroughTheirReapedTime() {
        PostgresProcesses.Snapshot before = new PostgresProcesses.Snapshot(
                10,
                100,
                Map.of(
                        1L, new PostgresProcesses.Child("wallet_api on wallet", 50),
                        2L, new PostgresProcesses.Child("autovacuum worker", 30)));
        // Backend 1 spent 40 more ticks; the autovacuum worker ended after 35 in all (5 in the step); a new backend
        // of the same login spent 20.
        PostgresProcesses.Snapshot after = new PostgresProcesses.Snapshot(
                12,
                135,
                Map.of(
                        1L, new PostgresProcesses.Child("wallet_api on wallet", 90),
                        3L, new PostgresProcesses.Child("wallet_api on wallet", 20)));

        Map<String, Double> millis = PostgresProcesses.millisPer(Optional.of(before), Optional.of(after), 10);

        // A tick is 10 ms; per 10 top-ups.
        assertThat(millis)
                .containsEntry("wallet_api on wallet", 60.0)
                .containsEntry(PostgresProcesses.ENDED, 5.0)
                .containsEntry("postmaster", 2.0);
        assertThat(millis.keySet()).first().isEqualTo("wallet_api on wallet");
    }
}
