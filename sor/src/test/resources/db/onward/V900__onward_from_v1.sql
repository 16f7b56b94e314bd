-- A migration after version 1, for HandAppliedSchemaTest: proves a database baselined as V1 is migrated onward.
ALTER TABLE performance_baseline ADD COLUMN onward_marker INTEGER NOT NULL DEFAULT 7;
