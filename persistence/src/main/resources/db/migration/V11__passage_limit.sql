-- Passages are at most 1,200 characters (ChunkingRules.MAX_SIZE: what a model is handed per
-- citation); companies that chose longer ones get the longest allowed, with at most half of it as
-- overlap. Their documents keep the old passages until re-indexed.
UPDATE tenant_knowledge_settings SET chunk_size = 1200 WHERE chunk_size > 1200;
UPDATE tenant_knowledge_settings SET chunk_overlap = chunk_size / 2 WHERE chunk_overlap > chunk_size / 2;
