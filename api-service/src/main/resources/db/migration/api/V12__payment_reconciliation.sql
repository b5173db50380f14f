-- The payment reconciliation (docs/payments.md): open payments whose news is late are asked about through the
-- provider's status API. checked_at spaces out the questions about one payment.
ALTER TABLE payments ADD COLUMN checked_at TIMESTAMPTZ;

-- db-scheduler's table (its PostgreSQL definition, for db-scheduler 16.7): the reconciliation is a recurring task in
-- it, so that one api instance at a time runs it, whichever is alive.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

GRANT SELECT, INSERT, UPDATE, DELETE ON scheduled_tasks TO wallet_api;
