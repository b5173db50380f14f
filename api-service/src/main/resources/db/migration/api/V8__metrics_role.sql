-- The METRICS role: an account a monitoring system scrapes /actuator/prometheus with, and nothing else.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('USER', 'ADMIN', 'METRICS'));
