-- Why a document failed or waits again, said in the reader's language (中文 or English): the
-- message key and its arguments (a JSON array) beside the English text in error, which the API
-- and the audit keep showing. Null key: a reason from before, shown as its English text.
ALTER TABLE kb_document ADD COLUMN error_key VARCHAR(120);
ALTER TABLE kb_document ADD COLUMN error_args VARCHAR(4000);
