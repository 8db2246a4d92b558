-- Announcements posted once to the organisers' channel (EVENTBOT_CHANNEL_ID), and the anonymous reaction counts
-- Telegram reports for those posts (message_reaction_count), kept apart from participants' own likes.
create table channel_post (
    broadcast_id  bigint        not null primary key,
    event_id      bigint,
    status        varchar(16)   not null,
    chat_id       bigint,
    message_id    bigint,
    updated_at    timestamp with time zone not null
);
create index channel_post_message on channel_post (chat_id, message_id);

create table channel_reaction (
    chat_id         bigint       not null,
    message_id      bigint       not null,
    event_id        bigint       not null,
    emoji           varchar(32)  not null,
    reaction_count  integer      not null,
    primary key (chat_id, message_id, emoji)
);
create index channel_reaction_event on channel_reaction (event_id);
