-- The flow that answered a turn (null: the standard grounded answer) and what each of its steps
-- did: a JSON array of {"step", "type", "prompt", "output", ...} in the order they ran, kept with
-- the turn so that users and auditors can see how an answer came about.
ALTER TABLE chat_turn ADD COLUMN flow_id VARCHAR(64);
ALTER TABLE chat_turn ADD COLUMN flow_trace VARCHAR(1000000);
