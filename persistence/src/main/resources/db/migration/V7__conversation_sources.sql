-- Which of the company's documents ground a conversation's answers: null = all collections,
-- '-' = none, else comma-separated collection names.
ALTER TABLE conversation ADD COLUMN knowledge_scope VARCHAR(500);
