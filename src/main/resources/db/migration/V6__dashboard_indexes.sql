-- The organisers' dashboard reads these on every page; with 10,000 participants each stays an index read.
-- The inbox: every participant's latest message in their own words, and the organisers' latest reply to them.
create index ix_conversation_kind_user on conversation_message (kind, telegram_user_id, id);
-- Participants newest first, a page at a time.
create index ix_participant_created on participant (created_at, id);
