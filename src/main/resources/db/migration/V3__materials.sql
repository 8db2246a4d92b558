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

-- A participant's e-mail address for materials: confirmed by a one-time code (only its hash is kept) before
-- anything is sent to it; step is where the conversation about it stands (ADDRESS, CODE or NONE).
create table material_mail_address (
    telegram_user_id     bigint        not null primary key,
    address              varchar(254),
    confirmed            boolean       not null,
    step                 varchar(16)   not null,
    code_hash            varchar(64),
    code_expires_at      timestamp with time zone,
    attempts             int           not null,
    pending_material_id  bigint,
    updated_at           timestamp with time zone not null
);

-- One e-mail to send: a confirmation code or a material. PENDING until the mail server took it; a failure keeps
-- it PENDING with the error, and it is tried again at the next start.
create table material_mail (
    id                bigint        not null primary key,
    telegram_user_id  bigint        not null,
    address           varchar(254)  not null,
    language          varchar(8)    not null,
    kind              varchar(16)   not null,
    material_id       bigint        references material (id),
    code              varchar(16),
    status            varchar(16)   not null,
    attempts          int           not null,
    error             varchar(1000),
    created_at        timestamp with time zone not null,
    sent_at           timestamp with time zone
);
create sequence material_mail_seq start with 1 increment by 50;
