package com.outboxwallet.relay;

import org.junit.jupiter.api.AfterEach;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A relay with a replication slot in a database of its own; the slot and its offsets are dropped after each test. */
abstract class SlotRelayTest {

    protected final String url;
    protected final JdbcClient jdbc;
    protected final String slot;
    protected ConfigurableApplicationContext relay;

    SlotRelayTest(String database, String slot) {
        this.url = StandaloneRelay.migratedDatabase(database);
        this.jdbc = StandaloneRelay.jdbc(url);
        this.slot = slot;
    }

    /** A relay in the given mode on this test's slot, with extra settings on top. */
    protected ConfigurableApplicationContext startRelay(String mode, String... settings) {
        String[] args = new String[settings.length + 3];
        args[0] = "--relay.mode=" + mode;
        args[1] = "--relay.cdc.slot-name=" + slot;
        args[2] = "--relay.cdc.publication-name=" + slot;
        System.arraycopy(settings, 0, args, 3, settings.length);
        return StandaloneRelay.start(url, args);
    }

    @AfterEach
    void stopAndDropTheSlot() {
        if (relay != null && relay.isActive()) {
            relay.close();
        }
        StandaloneRelay.dropSlotAndOffsets(jdbc, slot);
    }
}
