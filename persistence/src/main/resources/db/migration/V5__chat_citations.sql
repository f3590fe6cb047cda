-- The passages an answer was grounded on, as the model saw them numbered ([1], [2], ...): a JSON
-- array of {"n", "documentId", "chunk", "title", "source", "page"}; null when none were found.
ALTER TABLE chat_turn ADD COLUMN citations VARCHAR(8000);
