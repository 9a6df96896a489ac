-- Accounts: where to connect and which addresses are validated. NO secrets here:
-- passwords and tokens live only in the OS keyring (core/accounts/secrets.py).

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    smtp_host     TEXT,
    smtp_port     INTEGER,
    smtp_security TEXT CHECK (smtp_security IN ('tls', 'starttls', 'none')),
    smtp_user     TEXT,
    api_url       TEXT,
    source_system TEXT,
    ca_file       TEXT,
    is_default    INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,     -- ISO 8601 UTC
    updated_at    TEXT NOT NULL,
    CHECK ((smtp_host IS NULL) = (smtp_port IS NULL)),
    CHECK ((api_url IS NULL) = (source_system IS NULL))
);
-- At most one default account.
CREATE UNIQUE INDEX accounts_one_default ON accounts (is_default) WHERE is_default = 1;

-- Validated senders and reply-to addresses of an account, in the user's order.
CREATE TABLE account_addresses (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('sender', 'reply_to')),
    address    TEXT NOT NULL COLLATE NOCASE,
    name       TEXT NOT NULL DEFAULT '',
    position   INTEGER NOT NULL,
    PRIMARY KEY (account_id, kind, address)
);
