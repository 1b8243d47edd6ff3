-- Schema of the Akka.Persistence.Sql 1.5.73 journal, snapshot store and tag table on PostgreSQL,
-- for operators who create it by hand (then set auto-initialize = false in persistence.postgres.conf).
-- Dumped from the tables the plugin auto-creates; keep it in step when the plugin is upgraded.
-- Idempotent only on an empty database: run once.

CREATE TABLE public.journal (
    ordering bigint NOT NULL,
    created bigint NOT NULL,
    deleted boolean NOT NULL,
    persistence_id text NOT NULL,
    sequence_number bigint NOT NULL,
    message bytea NOT NULL,
    manifest text,
    identifier integer,
    writer_uuid text
);
ALTER TABLE public.journal ALTER COLUMN ordering ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.journal_ordering_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
CREATE TABLE public.snapshot (
    persistence_id text NOT NULL,
    sequence_number bigint NOT NULL,
    created bigint NOT NULL,
    snapshot bytea,
    manifest text,
    serializer_id integer
);
CREATE TABLE public.tags (
    ordering_id bigint NOT NULL,
    tag text NOT NULL,
    sequence_nr bigint NOT NULL,
    persistence_id text NOT NULL
);
ALTER TABLE ONLY public.journal
    ADD CONSTRAINT "PK_journal" PRIMARY KEY (ordering);
ALTER TABLE ONLY public.snapshot
    ADD CONSTRAINT "PK_snapshot" PRIMARY KEY (persistence_id, sequence_number);
ALTER TABLE ONLY public.tags
    ADD CONSTRAINT "PK_tags" PRIMARY KEY (ordering_id, tag);
ALTER TABLE ONLY public.journal
    ADD CONSTRAINT journal_uq UNIQUE (persistence_id, sequence_number);
CREATE INDEX journal_created_idx ON public.journal USING btree (created);
CREATE INDEX journal_sequence_number_idx ON public.journal USING btree (sequence_number);
CREATE INDEX snapshot_created_idx ON public.snapshot USING btree (created);
CREATE INDEX snapshot_sequence_number_idx ON public.snapshot USING btree (sequence_number);
CREATE INDEX tags_persistence_id_sequence_nr_idx ON public.tags USING btree (persistence_id, sequence_nr);
CREATE INDEX tags_tag_idx ON public.tags USING btree (tag);
