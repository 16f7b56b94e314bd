-- Issue 13: a triage record keeps the call sites of its findings (application frames that lead to the cost).
ALTER TABLE triage_history
    ADD COLUMN call_sites JSONB NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(call_sites) = 'array');
