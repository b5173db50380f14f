package com.outboxwallet.ledger.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Apply and flag: an event whose sequence skips ahead is applied (the balance is a sum and stays live) and every
 * sequence it skipped is recorded as an open gap, which the gauge, the health check and the read API show until the
 * late event arrives and fills it.
 */
@Repository
public class SequenceGaps {

    private static final Logger log = LoggerFactory.getLogger(SequenceGaps.class);

    private final JdbcClient jdbc;

    SequenceGaps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record OpenGap(UUID walletId, long sequence, OffsetDateTime detectedAt) {
    }

    /** Called under the wallet's projection lock, before the event raises the highest applied sequence. */
    @Transactional(propagation = Propagation.MANDATORY)
    void track(UUID walletId, long highestApplied, long sequence) {
        if (sequence > highestApplied + 1) {
            int opened = jdbc.sql("""
                            INSERT INTO sequence_gaps (wallet_id, sequence)
                            SELECT :walletId, s FROM generate_series(:first, :last) AS s
                            ON CONFLICT (wallet_id, sequence) DO NOTHING""")
                    .param("walletId", walletId).param("first", highestApplied + 1).param("last", sequence - 1)
                    .update();
            log.warn("Wallet {}: sequence {} arrived after {}; {} missing sequence(s) flagged as gaps",
                    walletId, sequence, highestApplied, opened);
        } else if (sequence <= highestApplied) {
            int filled = jdbc.sql("""
                            UPDATE sequence_gaps SET filled_at = now()
                             WHERE wallet_id = :walletId AND sequence = :sequence AND filled_at IS NULL""")
                    .param("walletId", walletId).param("sequence", sequence)
                    .update();
            if (filled == 1) {
                log.info("Wallet {}: late sequence {} arrived; gap filled", walletId, sequence);
            } else {
                log.warn("Wallet {}: a new top-up repeats sequence {} (highest applied {}); applied, as the "
                        + "contract promises no repeats the producer should be checked", walletId, sequence, highestApplied);
            }
        }
    }

    public long openCount() {
        return jdbc.sql("SELECT count(*) FROM sequence_gaps WHERE filled_at IS NULL").query(Long.class).single();
    }

    public long openCountOf(UUID walletId) {
        return jdbc.sql("SELECT count(*) FROM sequence_gaps WHERE wallet_id = :walletId AND filled_at IS NULL")
                .param("walletId", walletId).query(Long.class).single();
    }

    public List<Long> openSequencesOf(UUID walletId, int limit) {
        return jdbc.sql("""
                        SELECT sequence FROM sequence_gaps WHERE wallet_id = :walletId AND filled_at IS NULL
                         ORDER BY sequence LIMIT :limit""")
                .param("walletId", walletId).param("limit", limit).query(Long.class).list();
    }

    public List<OpenGap> open(int page, int size) {
        return jdbc.sql("""
                        SELECT wallet_id, sequence, detected_at FROM sequence_gaps WHERE filled_at IS NULL
                         ORDER BY detected_at, wallet_id, sequence LIMIT :size OFFSET :offset""")
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new OpenGap(rs.getObject("wallet_id", UUID.class), rs.getLong("sequence"),
                        rs.getObject("detected_at", OffsetDateTime.class)))
                .list();
    }
}
