-- One index entry page per update instead of two. An update's message in and the bot's reply get consecutive ids,
-- so in (telegram_user_id, id) they land on the same index page; in (telegram_user_id, kind, id) the kinds (TEXT,
-- BOT_TEXT) put them on two, and MVStore writes each changed page whole at the commit: these pages were most of
-- what a commit wrote (docs/benchmarks.md, "Latest").
-- The inbox used the kind in that index to find the organisers' latest reply to each participant; the participant
-- row keeps it now, written with the reply (ConversationService.queueOrganiserReply), a rare event.
alter table participant add column last_organiser_reply_id bigint;
update participant p set last_organiser_reply_id = (select max(m.id) from conversation_message m
    where m.kind = 'ORGANISER_REPLY' and m.telegram_user_id = p.telegram_user_id);
create index ix_conversation_user on conversation_message (telegram_user_id, id);
drop index ix_conversation_user_kind;
