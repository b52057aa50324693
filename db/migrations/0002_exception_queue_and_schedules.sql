CREATE TABLE `exception_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`user_id` integer,
	`body` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `exception_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exception_comments_item` ON `exception_comments` (`item_id`);--> statement-breakpoint
CREATE TABLE `exception_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sheet_id` integer NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`status` text NOT NULL,
	`close_reason` text,
	`assignee_id` integer,
	`previous_assignee_id` integer,
	`label` text,
	`match` text,
	`values` text NOT NULL,
	`first_seen_run_id` integer,
	`last_seen_run_id` integer,
	`first_seen_at` text NOT NULL,
	`age_from` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`sheet_id`) REFERENCES `sheets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`previous_assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`first_seen_run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`last_seen_run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exception_items_identity` ON `exception_items` (`sheet_id`,`kind`,`key`);--> statement-breakpoint
CREATE INDEX `exception_items_status` ON `exception_items` (`sheet_id`,`status`);--> statement-breakpoint
CREATE INDEX `exception_items_assignee` ON `exception_items` (`assignee_id`);--> statement-breakpoint
CREATE TABLE `manual_matches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sheet_id` integer NOT NULL,
	`left_key` text NOT NULL,
	`right_key` text NOT NULL,
	`note` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`sheet_id`) REFERENCES `sheets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `manual_matches_left` ON `manual_matches` (`sheet_id`,`left_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `manual_matches_right` ON `manual_matches` (`sheet_id`,`right_key`);--> statement-breakpoint
CREATE TABLE `schedules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sheet_id` integer NOT NULL,
	`cron` text NOT NULL,
	`timezone` text NOT NULL,
	`inputs` text NOT NULL,
	`params` text NOT NULL,
	`wait_minutes` integer NOT NULL,
	`enabled` integer NOT NULL,
	`last_fired_at` text,
	`last_outcome` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`sheet_id`) REFERENCES `sheets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `runs` ADD `queue_changes` text;