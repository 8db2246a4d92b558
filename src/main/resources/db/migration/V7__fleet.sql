-- Several instances on one PostgreSQL (docs/fleet.md). Runs unchanged on H2 (default) and PostgreSQL.

-- Each running instance holds a lease, renewed every few seconds. What an instance whose lease ran out had claimed
-- is taken over by another one.
create table bot_instance (
    id          varchar(128) not null primary key,
    run_id      varchar(32)  not null,
    started_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);

-- The instance that claimed a row: the one that stored an update and handles it, queued a reply, claimed a copy.
alter table inbound_update add column owner varchar(128);
alter table conversation_message add column owner varchar(128);
alter table broadcast_delivery add column owner varchar(128);
-- When the copies of a claimed batch started going out (null: claimed ahead, never called, safe to hand on).
alter table broadcast_delivery add column sending_at timestamp with time zone;

-- ShedLock's table (JdbcTemplateLockProvider): a timer runs on one instance at a time.
create table shedlock (
    name        varchar(64)  not null primary key,
    lock_until  timestamp    not null,
    locked_at   timestamp    not null,
    locked_by   varchar(255) not null
);
