CREATE TABLE `templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`channel` text NOT NULL,
	`content` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `templates_channel_name_unique` ON `templates` (`channel`,"name" COLLATE NOCASE);--> statement-breakpoint
ALTER TABLE `campaign_recipients` ADD `first_name` text;--> statement-breakpoint
ALTER TABLE `campaign_recipients` ADD `last_name` text;--> statement-breakpoint
ALTER TABLE `campaign_recipients` ADD `custom_fields` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `campaign_steps` ADD `sms_opt_out_line` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `campaign_steps` ADD `push_title` text;--> statement-breakpoint
ALTER TABLE `campaign_steps` ADD `push_body` text;--> statement-breakpoint
ALTER TABLE `campaign_steps` ADD `push_url` text;--> statement-breakpoint
ALTER TABLE `campaign_steps` ADD `schedule_note` text;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `audience` text;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `segment_id` integer;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `updated_at` text;