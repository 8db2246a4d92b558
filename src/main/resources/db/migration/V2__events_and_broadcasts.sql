-- Events, their talks and attendees; broadcasts and their durable per-recipient deliveries.
-- Runs unchanged on H2 (default) and PostgreSQL.

create table event (
    id           bigint        not null primary key,
    title        varchar(200)  not null,
    description  varchar(3000),
    venue        varchar(300),
    starts_at    timestamp with time zone not null,
    ends_at      timestamp with time zone not null,
    time_zone    varchar(64)   not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    version      bigint        not null
);
create sequence event_seq start with 1 increment by 50;
create index ix_event_starts_at on event (starts_at);

create table talk (
    id         bigint        not null primary key,
    event_id   bigint        not null references event (id),
    position   int           not null,
    title      varchar(200)  not null,
    speaker    varchar(200),
    starts_at  timestamp with time zone
);
create sequence talk_seq start with 1 increment by 50;
create index ix_talk_event on talk (event_id, position);

-- RSVP: a participant who pressed ✅ on an event's card. The key makes "attend" idempotent.
create table event_attendee (
    event_id          bigint  not null references event (id),
    telegram_user_id  bigint  not null,
    created_at        timestamp with time zone not null,
    primary key (event_id, telegram_user_id)
);
create index ix_event_attendee_user on event_attendee (telegram_user_id);

-- A message to many. Reminders and change notices are broadcasts too; reminder_key makes each fire once.
create table broadcast (
    id                   bigint        not null primary key,
    kind                 varchar(16)   not null,
    text                 varchar(4096) not null,
    text_en              varchar(4096),
    entities             varchar(16384),
    event_id             bigint        references event (id),
    audience             varchar(24)   not null,
    status               varchar(16)   not null,
    paid                 boolean       not null,
    scheduled_at         timestamp with time zone,
    started_at           timestamp with time zone,
    finished_at          timestamp with time zone,
    created_by           varchar(128)  not null,
    progress_chat_id     bigint,
    progress_message_id  bigint,
    reminder_key         varchar(128),
    total                int           not null,
    created_at           timestamp with time zone not null,
    version              bigint        not null,
    constraint uk_broadcast_reminder_key unique (reminder_key)
);
create sequence broadcast_seq start with 1 increment by 50;
create index ix_broadcast_status on broadcast (status, scheduled_at);

-- One row per recipient, stored when the broadcast starts: PENDING -> SENDING -> SENT / FAILED / BLOCKED,
-- UNCERTAIN when the bot died during the call, CANCELLED when the broadcast was cancelled first.
create table broadcast_delivery (
    broadcast_id         bigint        not null references broadcast (id),
    telegram_user_id     bigint        not null,
    chat_id              bigint        not null,
    language             varchar(8)    not null,
    status               varchar(16)   not null,
    telegram_message_id  bigint,
    error                varchar(1000),
    updated_at           timestamp with time zone not null,
    primary key (broadcast_id, telegram_user_id)
);
create index ix_broadcast_delivery_status on broadcast_delivery (broadcast_id, status);

-- An organiser's /announce in progress in Telegram, one per organiser.
create table announcement_draft (
    telegram_user_id  bigint        not null primary key,
    step              varchar(16)   not null,
    text              varchar(4096),
    entities          varchar(16384),
    event_id          bigint,
    audience          varchar(24),
    updated_at        timestamp with time zone not null
);
