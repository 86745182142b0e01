-- Who in the office is dealing with a message (a staff username; NULL while nobody is).
ALTER TABLE enquiry ADD COLUMN assigned_to TEXT;
