-- The W3C traceparent of the request that caused each event, so consumers can join the request's trace.
ALTER TABLE outbox ADD COLUMN traceparent VARCHAR(55);
