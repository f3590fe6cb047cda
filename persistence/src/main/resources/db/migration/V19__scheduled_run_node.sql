-- Which node ran a once-per-group job last, and how many periods have run: what an operator looks
-- at to see that the job runs on one node per period (and the two-node test checks).
ALTER TABLE scheduled_run ADD COLUMN runs BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE scheduled_run ADD COLUMN last_node VARCHAR(64);
