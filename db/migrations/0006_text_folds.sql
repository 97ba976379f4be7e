CREATE TABLE `text_fold_version` (
	`version` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX `tags_name_unique`;--> statement-breakpoint
ALTER TABLE `tags` ADD `name_fold` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- A stand-in key until the core folds every name fully when it opens the file (db/text-folds.ts).
-- lower() folds ASCII only, like the NOCASE index it replaces, so these keys are as unique as the names were.
UPDATE `tags` SET `name_fold` = lower(`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `tags_name_fold_unique` ON `tags` (`name_fold`);--> statement-breakpoint
ALTER TABLE `contacts` ADD `name_fold` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `first_name_fold` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `last_name_fold` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `phone_fold` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `email_fold` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `notes_fold` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `lead_source_fold` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `market_fold` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `product_fold` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `lead_status_fold` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `state_fold` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `zip_fold` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `conversation_status_fold` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `appointment_status_fold` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `custom_fields_fold` text;