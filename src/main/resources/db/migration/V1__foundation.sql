-- Foundation schema. Runs unchanged on H2 (default) and PostgreSQL.

create table participant (
    id                bigint       not null primary key,
    telegram_user_id  bigint       not null,
    chat_id           bigint       not null,
    first_name        varchar(256),
    last_name         varchar(256),
    username          varchar(64),
    language          varchar(8)   not null,
    subscribed        boolean      not null,
    blocked           boolean      not null,
    consent_version   varchar(32),
    consent_at        timestamp with time zone,
    start_payload     varchar(64),
    unsubscribed_at   timestamp with time zone,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    constraint uk_participant_telegram_user unique (telegram_user_id)
);
create sequence participant_seq start with 1 increment by 50;

-- Every update as Telegram delivered it. The unique update_id is what makes intake idempotent:
-- an update counts as taken once its row is committed, and is handled at most once.
-- The payload lives in its own, insert-only table so that marking an update handled rewrites a narrow row.
create table inbound_update (
    update_id     bigint        not null primary key,
    chat_id       bigint,
    update_type   varchar(32)   not null,
    status        varchar(16)   not null,
    attempts      int           not null,
    error         varchar(1000),
    received_at   timestamp with time zone not null,
    handled_at    timestamp with time zone
);
create index ix_inbound_update_status on inbound_update (status, update_id);

create table inbound_update_payload (
    update_id     bigint        not null primary key,
    payload       varchar(1000000) not null
);

-- Every message in and out. Outgoing rows double as the outbox: PENDING -> SENDING -> SENT,
-- or FAILED / BLOCKED / UNCERTAIN (sending was under way when the process died).
create table conversation_message (
    id                   bigint       not null primary key,
    telegram_user_id     bigint,
    chat_id              bigint       not null,
    direction            varchar(8)   not null,
    kind                 varchar(24)  not null,
    text                 varchar(8192),
    payload              varchar(16384),
    telegram_message_id  bigint,
    update_id            bigint,
    delivery_status      varchar(16),
    delivery_error       varchar(1000),
    created_at           timestamp with time zone not null,
    sent_at              timestamp with time zone
);
create sequence conversation_message_seq start with 1 increment by 50;
create index ix_conversation_user on conversation_message (telegram_user_id, id);
create index ix_conversation_delivery on conversation_message (delivery_status, id);

create table organiser_account (
    id             bigint        not null primary key,
    username       varchar(64)   not null,
    password_hash  varchar(100)  not null,
    role           varchar(16)   not null,
    created_at     timestamp with time zone not null,
    constraint uk_organiser_account_username unique (username)
);
create sequence organiser_account_seq start with 1 increment by 50;

-- Spring Modulith's JPA event publication registry (2.0).
create table event_publication (
    id                      uuid          not null primary key,
    listener_id             varchar(512)  not null,
    event_type              varchar(512)  not null,
    serialized_event        varchar(16384) not null,
    publication_date        timestamp with time zone not null,
    completion_date         timestamp with time zone,
    status                  varchar(20),
    completion_attempts     int,
    last_resubmission_date  timestamp with time zone
);
create index ix_event_publication_completion on event_publication (completion_date);

create table event_publication_archive (
    id                      uuid          not null primary key,
    listener_id             varchar(512)  not null,
    event_type              varchar(512)  not null,
    serialized_event        varchar(16384) not null,
    publication_date        timestamp with time zone not null,
    completion_date         timestamp with time zone,
    status                  varchar(20),
    completion_attempts     int,
    last_resubmission_date  timestamp with time zone
);
