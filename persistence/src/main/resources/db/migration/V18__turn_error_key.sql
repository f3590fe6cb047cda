-- Why an answer failed, said in the reader's language (中文 or English): the message key and its
-- arguments (a JSON array) beside the English text in error, which the API and the audit keep
-- showing. Null key: a reason from before, or one recorded by plain SQL (interrupted answers),
-- shown as its English text.
ALTER TABLE chat_turn ADD COLUMN error_key VARCHAR(120);
ALTER TABLE chat_turn ADD COLUMN error_args VARCHAR(4000);
