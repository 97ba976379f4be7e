ALTER TABLE `deliveries` ADD `claimed_at` text;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `sent_hash` text;--> statement-breakpoint
UPDATE `deliveries` SET `claimed_at` = (SELECT MAX(e.`at`) FROM `delivery_events` e WHERE e.`delivery_id` = `deliveries`.`id` AND e.`to_status` = 'sending') WHERE `status` IN ('sending', 'unknown');
