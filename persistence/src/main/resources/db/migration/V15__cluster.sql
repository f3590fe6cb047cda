-- Several WildFly nodes on one database (docs/scaling.md, decision 0017).

-- The node that writes a streaming answer, so that a restarting node marks only its own answers
-- as interrupted, and a stop that reaches another node can be handed to the one generating it
-- (stop_requested_at, which that node polls while it has answers running).
ALTER TABLE chat_turn ADD COLUMN node VARCHAR(64);
ALTER TABLE chat_turn ADD COLUMN stop_requested_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_chat_turn_streaming ON chat_turn (status, node);

-- The nodes that run, each seen again every few seconds: a node not seen for a while is gone, and
-- the answers it was writing are marked interrupted by another.
CREATE TABLE cluster_node (
    name       VARCHAR(64) NOT NULL PRIMARY KEY,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The sweep for those answers runs on one node per period (scheduled_run, as the retention purge).
INSERT INTO scheduled_run (name, last_run) VALUES ('orphaned-answers', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
