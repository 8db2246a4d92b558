-- One index by participant instead of two. A participant's conversation (by telegram_user_id, ordered by id) and
-- the inbox (the latest text in their own words, the organisers' latest reply: by participant and kind) are both
-- served by (telegram_user_id, kind, id). With two indexes each message landed on two pages of its own, and those
-- pages, written whole at every commit, were the largest cost of handling an update (docs/benchmarks.md).
drop index ix_conversation_user;
drop index ix_conversation_kind_user;
create index ix_conversation_user_kind on conversation_message (telegram_user_id, kind, id);
