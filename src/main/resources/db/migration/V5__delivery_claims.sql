-- Which claim took a copy: the broadcaster claims a batch with one UPDATE and reads back the rows it marked.
alter table broadcast_delivery add column claim_id bigint;
