-- MessageIds takes conversation ids in blocks as large as the sequence's increment: one call to the sequence for
-- 1,000 messages instead of 50 (a call parses its statement and may write the sequence's state). Blocks a stopped
-- instance did not use up leave gaps in the ids, which nothing minds.
alter sequence conversation_message_seq increment by 1000;
