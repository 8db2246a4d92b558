-- Fewer conversation index pages written per update. Each index keyed by participant or chat puts a message on a
-- page of its own, written whole at every commit: those pages were the largest cost of handling an update
-- (docs/benchmarks.md, "Where the burst target stands").
-- One index by participant instead of two: a participant's conversation (by telegram_user_id, ordered by id) and
-- the inbox (the latest text in their own words, the organisers' latest reply: by participant and kind) are both
-- served by (telegram_user_id, kind, id).
drop index ix_conversation_user;
drop index ix_conversation_kind_user;
create index ix_conversation_user_kind on conversation_message (telegram_user_id, kind, id);
-- By chat and id rather than by chat and Telegram's message id: recording a reply's outcome sets its message id,
-- which moved its entry (one more page write, in a later commit); finding a message of a chat by its Telegram id
-- (ConversationService.keyboardOf) reads that chat's entries, a few hundred at most.
drop index ix_conversation_message_telegram;
create index ix_conversation_chat on conversation_message (chat_id, id);
