ALTER TABLE `campaign_steps` ADD `send_at_asked` text;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `type` text DEFAULT 'sms' NOT NULL;--> statement-breakpoint
UPDATE `campaigns` SET `type` = 'email' WHERE `id` IN (SELECT `campaign_id` FROM `campaign_steps` WHERE `sms_body` IS NULL AND `email_body` IS NOT NULL);--> statement-breakpoint
UPDATE `campaign_steps` SET `send_at_asked` = `send_at_local`;
