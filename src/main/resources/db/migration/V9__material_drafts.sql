-- A material an organiser is publishing from Telegram: the document they sent, then the event and talk they pick
-- with buttons; confirmed, the file is fetched from Telegram and published like any other material.
create table material_draft (
    telegram_user_id  bigint        not null primary key,
    chat_id           bigint        not null,
    language          varchar(8)    not null,
    telegram_file_id  varchar(255)  not null,
    file_name         varchar(255)  not null,
    file_size         bigint,
    title             varchar(200)  not null,
    speaker           varchar(200),
    description       varchar(1024),
    event_id          bigint,
    talk_id           bigint,
    step              varchar(16)   not null,
    updated_at        timestamp with time zone not null
);
