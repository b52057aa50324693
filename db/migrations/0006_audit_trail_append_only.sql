-- The audit trail is append-only (governance.md 6): Tickmark never updates or deletes an
-- entry. The one update allowed is sealing a legacy entry that has no hash yet (entries
-- written before the chain existed are chained once, at the first start after this
-- migration); an entry with a hash can never change.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN OLD.`hash` IS NOT NULL
   OR NEW.`id` IS NOT OLD.`id` OR NEW.`at` IS NOT OLD.`at` OR NEW.`user_id` IS NOT OLD.`user_id`
   OR NEW.`action` IS NOT OLD.`action` OR NEW.`entity` IS NOT OLD.`entity` OR NEW.`entity_id` IS NOT OLD.`entity_id`
   OR NEW.`before` IS NOT OLD.`before` OR NEW.`after` IS NOT OLD.`after`
BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only: entries cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only: entries cannot be deleted');
END;
