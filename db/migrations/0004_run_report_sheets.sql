CREATE TABLE `run_report_sheets` (
	`run_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`row_count` integer NOT NULL,
	`column_count` integer NOT NULL,
	`values` text NOT NULL,
	PRIMARY KEY(`run_id`, `position`),
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `run_report_sheets_name` ON `run_report_sheets` (`run_id`,`name`);