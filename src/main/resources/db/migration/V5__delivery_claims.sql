-- Which claim took a copy: the broadcaster claims a batch with one UPDATE and reads back the rows it marked.
alter table broadcast_delivery add column claim_id bigint;
-- The next copies to claim are a broadcast's PENDING rows in recipient order: read straight from this index.
create index ix_broadcast_delivery_pending on broadcast_delivery (broadcast_id, status, telegram_user_id);
