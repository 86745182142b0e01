-- Whose a response is: flag says why staff should look (e.g. a reply to an invitation sent to someone else, kept as
-- the sender's own response); authentication is the receiving server's SPF/DKIM/DMARC verdict as JSON, if it wrote one.
ALTER TABLE consultation_response ADD COLUMN flag TEXT;
ALTER TABLE consultation_response ADD COLUMN authentication TEXT;
