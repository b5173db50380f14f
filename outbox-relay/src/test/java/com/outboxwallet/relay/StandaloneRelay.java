package com.outboxwallet.relay;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;
import java.util.UUID;

/** A database of its own with the api-service's outbox schema, for tests that run relays of their own. */
final class StandaloneRelay {

    private StandaloneRelay() {
    }

    static String migratedDatabase(String name) {
        String url = EmbeddedInfrastructure.shared().postgres().createDatabase(name);
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration/api").load().migrate();
        return url;
    }

    static JdbcClient jdbc(String url) {
        return JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
    }

    static long unpublished(JdbcClient jdbc, List<UUID> eventIds) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE event_id IN (:ids) AND published_at IS NULL")
                .param("ids", eventIds).query(Long.class).single();
    }
}
