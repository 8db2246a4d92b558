-- Materials of events (files kept under EVENTBOT_DATA_DIR/materials) and participants' requests for them.
-- Runs unchanged on H2 (default) and PostgreSQL.

-- event_title and talk_title are as they were at publishing (captions and search); talk_id has no foreign key
-- because an event's talks are replaced when the event is edited.
create table material (
    id                bigint        not null primary key,
    event_id          bigint        not null references event (id),
    talk_id           bigint,
    event_title       varchar(200)  not null,
    talk_title        varchar(200),
    title             varchar(200)  not null,
    speaker           varchar(200)  not null,
    description       varchar(3000),
    file_name         varchar(255)  not null,
    stored_path       varchar(255)  not null,
    size_bytes        bigint        not null,
    content_type      varchar(255)  not null,
    sha256            varchar(64)   not null,
    telegram_file_id  varchar(255),
    created_at        timestamp with time zone not null
);
create sequence material_seq start with 1 increment by 50;
create index ix_material_event on material (event_id);
create index ix_material_sha256 on material (sha256);

-- A request nothing answered yet (WAITING), and what answered it later (FULFILLED, material_id).
create table material_request (
    id                bigint        not null primary key,
    telegram_user_id  bigint        not null,
    chat_id           bigint        not null,
    language          varchar(8)    not null,
    request_text      varchar(1000) not null,
    terms             varchar(1000) not null,
    status            varchar(16)   not null,
    material_id       bigint        references material (id),
    created_at        timestamp with time zone not null,
    fulfilled_at      timestamp with time zone
);
create sequence material_request_seq start with 1 increment by 50;
create index ix_material_request_status on material_request (status);
