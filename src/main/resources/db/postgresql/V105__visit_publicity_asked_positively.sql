-- The visit flow now asks "May the office mention your visit publicly?" (step "publicity", yes = may mention)
-- instead of "Would you prefer NO publicity?" (step "no_publicity", yes = none). Stored choices keep their
-- meaning: the column and the answers are turned round, and conversations under way move to the new step.
ALTER TABLE visit_application ADD COLUMN publicity_allowed BIGINT NOT NULL DEFAULT 0;
UPDATE visit_application SET publicity_allowed = CASE WHEN no_publicity = 1 THEN 0 ELSE 1 END;
ALTER TABLE visit_application DROP COLUMN no_publicity;

-- PostgreSQL: the same rewrite with jsonb. A PostgreSQL database starts empty (or is filled by the import of a
-- migrated SQLite one), so these rows exist only in a test; answers that are not JSON objects are left alone.
UPDATE visit_application
SET answers = ((answers::jsonb - 'no_publicity')
               || jsonb_build_object('publicity',
                      CASE answers::jsonb ->> 'no_publicity' WHEN 'yes' THEN 'no' ELSE 'yes' END))::text
WHERE answers LIKE '{%' AND answers::jsonb -> 'no_publicity' IS NOT NULL;

UPDATE conversation_session
SET answers = ((answers::jsonb - 'no_publicity')
               || jsonb_build_object('publicity',
                      CASE answers::jsonb ->> 'no_publicity' WHEN 'yes' THEN to_jsonb('no'::text)
                           WHEN 'no' THEN to_jsonb('yes'::text) ELSE answers::jsonb -> 'no_publicity' END))::text
WHERE flow_id = 'visit' AND answers LIKE '{%' AND answers::jsonb -> 'no_publicity' IS NOT NULL;
UPDATE conversation_session SET step_id = 'publicity' WHERE flow_id = 'visit' AND step_id = 'no_publicity';
UPDATE conversation_session SET history = replace(history, '"no_publicity"', '"publicity"') WHERE flow_id = 'visit';
