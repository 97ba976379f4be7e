CREATE TABLE `inbound_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_message_id` text NOT NULL,
	`from_phone` text NOT NULL,
	`to_phone` text NOT NULL,
	`body` text NOT NULL,
	`received_at` text NOT NULL,
	`contact_id` integer,
	`campaign_id` integer,
	`action` text,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inbound_messages_provider_unique` ON `inbound_messages` (`provider_message_id`);--> statement-breakpoint
CREATE INDEX `inbound_messages_campaign_idx` ON `inbound_messages` (`campaign_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `inbound_messages_received_idx` ON `inbound_messages` (`received_at`);--> statement-breakpoint
CREATE TABLE `push_subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_id` integer NOT NULL,
	`endpoint` text NOT NULL,
	`p256dh` text NOT NULL,
	`auth` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `push_subscriptions_endpoint_unique` ON `push_subscriptions` (`endpoint`);--> statement-breakpoint
CREATE INDEX `push_subscriptions_contact_idx` ON `push_subscriptions` (`contact_id`);--> statement-breakpoint
CREATE TABLE `secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`ciphertext` blob NOT NULL,
	`last4` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `campaign_steps` ADD `started_at` text;--> statement-breakpoint
ALTER TABLE `campaign_steps` ADD `missed_at` text;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `paused_reason` text;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `segments` integer;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `cost_estimate` real;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `price` real;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `price_unit` text;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `accepted_at` text;--> statement-breakpoint
UPDATE `campaigns` SET `paused_reason` = 'owner' WHERE `status` = 'paused';--> statement-breakpoint
UPDATE `campaign_steps` SET `started_at` = (SELECT min(`updated_at`) FROM `deliveries` WHERE `step_id` = `campaign_steps`.`id` AND `attempts` > 0);
--> statement-breakpoint
CREATE INDEX `deliveries_provider_accepted_idx` ON `deliveries` (`provider`,`accepted_at`);
