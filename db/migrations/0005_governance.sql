ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
ALTER TABLE `runs` ADD `kind` text DEFAULT 'official' NOT NULL;--> statement-breakpoint
ALTER TABLE `runs` ADD `based_on` integer;--> statement-breakpoint
ALTER TABLE `runs` ADD `results_sha256` text;--> statement-breakpoint
ALTER TABLE `sheet_versions` ADD `status` text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE `sheet_versions` ADD `submitted_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `sheet_versions` ADD `submitted_at` text;--> statement-breakpoint
ALTER TABLE `sheet_versions` ADD `submit_note` text;--> statement-breakpoint
ALTER TABLE `sheet_versions` ADD `reviewed_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `sheet_versions` ADD `reviewed_at` text;--> statement-breakpoint
ALTER TABLE `sheet_versions` ADD `review_note` text;--> statement-breakpoint
ALTER TABLE `sheet_versions` ADD `self_approved` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sheets` ADD `approved_version` integer;