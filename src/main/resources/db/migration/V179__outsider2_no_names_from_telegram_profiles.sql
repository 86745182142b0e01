-- A Telegram profile's first name proves nothing (its owner types it), like an email's display name (V175), so it is
-- no longer kept as a person's name. Forget those kept before: on Telegram participants, and where they were copied as
-- a respondent's, attendee's or asker's name (an event row's name is the profile's when it equals its participant's).
UPDATE consultation_response SET respondent_name = NULL WHERE channel = 'telegram' AND contact_id IS NULL;
UPDATE event_rsvp SET name = NULL WHERE via = 'telegram' AND contact_id IS NULL AND name IS NOT NULL
    AND name = (SELECT p.display_name FROM participant p WHERE p.id = event_rsvp.participant_id);
UPDATE event_question SET name = NULL WHERE via = 'telegram' AND contact_id IS NULL AND name IS NOT NULL
    AND name = (SELECT p.display_name FROM participant p WHERE p.id = event_question.participant_id);
UPDATE participant SET display_name = NULL WHERE channel = 'telegram';
