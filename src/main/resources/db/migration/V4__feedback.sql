-- Likes, ratings with comments, likes on comments, and the comment a participant may write after rating.
-- Runs unchanged on H2 (default) and PostgreSQL.

-- One like per participant per event, whether from the 👍 button or a reaction on a bot message about it.
create table event_like (
    event_id          bigint       not null references event (id),
    telegram_user_id  bigint       not null,
    source            varchar(16)  not null,
    created_at        timestamp with time zone not null,
    primary key (event_id, telegram_user_id)
);

create table event_rating (
    id                bigint        not null primary key,
    event_id          bigint        not null references event (id),
    telegram_user_id  bigint        not null,
    rating            int           not null,
    comment           varchar(2000),
    comment_hidden    boolean       not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    constraint uk_event_rating unique (event_id, telegram_user_id),
    constraint ck_event_rating check (rating between 1 and 5)
);
create sequence event_rating_seq start with 1 increment by 50;

create table comment_like (
    rating_id         bigint  not null references event_rating (id),
    telegram_user_id  bigint  not null,
    created_at        timestamp with time zone not null,
    primary key (rating_id, telegram_user_id)
);

-- A participant who has just rated an event: their next text message is its comment.
create table feedback_prompt (
    telegram_user_id  bigint  not null primary key,
    event_id          bigint  not null references event (id),
    created_at        timestamp with time zone not null
);

-- Reactions name a message by chat and message id; these find the event it was about.
create index ix_broadcast_delivery_message on broadcast_delivery (chat_id, telegram_message_id);
create index ix_conversation_message_telegram on conversation_message (chat_id, telegram_message_id);
