-- Fewer conversation index pages written per update. Each index keyed by participant or chat puts a message on a
-- page of its own, written whole at every commit: those pages were the largest cost of handling an update
-- (docs/benchmarks.md, "Where the burst target stands").
-- One index by participant instead of two: a participant's conversation (by telegram_user_id, ordered by id) and
-- the inbox (the latest text in their own words, the organisers' latest reply: by participant and kind) are both
-- served by (telegram_user_id, kind, id).
drop index ix_conversation_user;
drop index ix_conversation_kind_user;
create index ix_conversation_user_kind on conversation_message (telegram_user_id, kind, id);
-- None by chat: entries by chat and Telegram's message id were a third page per message, and a second write of it
-- when a reply's outcome set its message id. The one query that used it (ConversationService.
-- keyboardOfPrivateMessage) asks about private chats, whose messages are all the participant's; erasing or
-- exporting a participant's data (telegram_user_id or chat_id) reads the table, a rare request.
drop index ix_conversation_message_telegram;
