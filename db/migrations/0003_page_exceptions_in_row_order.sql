ALTER TABLE `run_exceptions` ADD `seq` integer;--> statement-breakpoint
CREATE INDEX `run_exceptions_run_seq` ON `run_exceptions` (`run_id`,`seq`);--> statement-breakpoint
CREATE INDEX `run_exceptions_run_kind_seq` ON `run_exceptions` (`run_id`,`kind`,`seq`);--> statement-breakpoint
CREATE INDEX `exception_items_age` ON `exception_items` (`age_from`);--> statement-breakpoint
UPDATE `run_exceptions` SET `seq` = t.n FROM (SELECT `id`, row_number() OVER (PARTITION BY `run_id` ORDER BY `row_index`) - 1 AS n FROM `run_exceptions`) AS t WHERE t.`id` = `run_exceptions`.`id`;
