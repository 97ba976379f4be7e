CREATE TABLE `consent_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_id` integer NOT NULL,
	`channel` text NOT NULL,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `consent_events_contact_idx` ON `consent_events` (`contact_id`,`at`);--> statement-breakpoint
CREATE TABLE `contact_tags` (
	`contact_id` integer NOT NULL,
	`tag_id` integer NOT NULL,
	PRIMARY KEY(`contact_id`, `tag_id`),
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_tags_tag_idx` ON `contact_tags` (`tag_id`,`contact_id`);--> statement-breakpoint
CREATE TABLE `segments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`filter` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `segments_name_unique` ON `segments` ("name" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tags_name_unique` ON `tags` ("name" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `import_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`line` integer NOT NULL,
	`raw` text NOT NULL,
	`rejection` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_rows_import_idx` ON `import_rows` (`import_id`,`line`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`status` text NOT NULL,
	`options` text NOT NULL,
	`processed` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`summary` text,
	`error` text,
	`started_at` text NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
ALTER TABLE `contacts` ADD `first_name` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `last_name` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `birth_month` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `birth_day` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `birth_year` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `client_since` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `last_visit_at` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `visit_count` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `total_spent_cents` integer;--> statement-breakpoint
ALTER TABLE `contacts` ADD `notes` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `lead_source` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `market` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `product` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `lead_status` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `state` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `zip` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `conversation_status` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `appointment_status` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `custom_fields` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `sms_consent` text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `email_consent` text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `push_consent` text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
CREATE INDEX `contacts_last_visit_idx` ON `contacts` (`last_visit_at`);--> statement-breakpoint
CREATE INDEX `contacts_client_since_idx` ON `contacts` (`client_since`);--> statement-breakpoint
CREATE INDEX `contacts_created_idx` ON `contacts` (`created_at`);--> statement-breakpoint
CREATE INDEX `contacts_visit_count_idx` ON `contacts` (`visit_count`);--> statement-breakpoint
CREATE INDEX `contacts_total_spent_idx` ON `contacts` (`total_spent_cents`);--> statement-breakpoint
CREATE INDEX `contacts_birthday_idx` ON `contacts` (`birth_month`,`birth_day`);