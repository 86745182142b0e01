-- The visit flow now asks "May the office mention your visit publicly?" (step "publicity", yes = may mention)
-- instead of "Would you prefer NO publicity?" (step "no_publicity", yes = none). Stored choices keep their
-- meaning: the column and the answers are turned round, and conversations under way move to the new step.
ALTER TABLE visit_application ADD COLUMN publicity_allowed INTEGER NOT NULL DEFAULT 0;
UPDATE visit_application SET publicity_allowed = CASE WHEN no_publicity = 1 THEN 0 ELSE 1 END;
ALTER TABLE visit_application DROP COLUMN no_publicity;

UPDATE visit_application
SET answers = json_set(json_remove(answers, '$.no_publicity'), '$.publicity',
                       CASE json_extract(answers, '$.no_publicity') WHEN 'yes' THEN 'no' ELSE 'yes' END)
WHERE json_valid(answers) AND json_extract(answers, '$.no_publicity') IS NOT NULL;

UPDATE conversation_session
SET answers = json_set(json_remove(answers, '$.no_publicity'), '$.publicity',
                       CASE json_extract(answers, '$.no_publicity') WHEN 'yes' THEN 'no' WHEN 'no' THEN 'yes'
                            ELSE json_extract(answers, '$.no_publicity') END)
WHERE flow_id = 'visit' AND json_valid(answers) AND json_extract(answers, '$.no_publicity') IS NOT NULL;
UPDATE conversation_session SET step_id = 'publicity' WHERE flow_id = 'visit' AND step_id = 'no_publicity';
UPDATE conversation_session SET history = replace(history, '"no_publicity"', '"publicity"') WHERE flow_id = 'visit';
