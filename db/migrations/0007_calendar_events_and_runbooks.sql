CREATE TABLE `calendar_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`title` text NOT NULL,
	`category` text NOT NULL,
	`note` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calendar_events_date` ON `calendar_events` (`date`);--> statement-breakpoint
CREATE TABLE `expiration_runbook_steps` (
	`date` text NOT NULL,
	`step` text NOT NULL,
	`done_by` integer NOT NULL,
	`done_at` text NOT NULL,
	`note` text,
	`evidence` text,
	PRIMARY KEY(`date`, `step`),
	FOREIGN KEY (`date`) REFERENCES `expiration_runbooks`(`date`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`done_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `expiration_runbooks` (
	`date` text PRIMARY KEY NOT NULL,
	`settings` text NOT NULL,
	`signed_off_by` integer,
	`signed_off_at` text,
	`sign_off_note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`signed_off_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
