-- The ledger-service owns a database of its own; the api-service's is created by POSTGRES_DB.
CREATE DATABASE ledger;
