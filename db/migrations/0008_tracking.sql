DROP INDEX `deliveries_campaign_status_idx`;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `final_at` text;--> statement-breakpoint
CREATE INDEX `deliveries_accepted_channel_idx` ON `deliveries` (`accepted_at`,`channel`,`status`);--> statement-breakpoint
CREATE INDEX `deliveries_campaign_status_idx` ON `deliveries` (`campaign_id`,`status`,`step_id`,`channel`);--> statement-breakpoint
ALTER TABLE `contacts` ADD `sms_unusable_code` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `sms_unusable_at` text;--> statement-breakpoint
UPDATE `deliveries` SET `final_at` = (SELECT MAX(e.`at`) FROM `delivery_events` e WHERE e.`delivery_id` = `deliveries`.`id` AND e.`to_status` = `deliveries`.`status`) WHERE `status` IN ('delivered', 'undelivered', 'failed', 'no_report', 'cancelled', 'skipped');
