CREATE TABLE `automation_enrolments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`automation_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`occasion` text NOT NULL,
	`decided_at` text NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	`campaign_id` integer,
	FOREIGN KEY (`automation_id`) REFERENCES `automations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `automation_enrolments_occasion_unique` ON `automation_enrolments` (`automation_id`,`contact_id`,`occasion`);--> statement-breakpoint
CREATE INDEX `automation_enrolments_automation_idx` ON `automation_enrolments` (`automation_id`,`decided_at`);--> statement-breakpoint
CREATE INDEX `automation_enrolments_contact_idx` ON `automation_enrolments` (`contact_id`,`decided_at`);--> statement-breakpoint
CREATE TABLE `automations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`enabled` integer DEFAULT false NOT NULL,
	`enabled_at` text,
	`evaluated_through` text,
	`type` text DEFAULT 'sms' NOT NULL,
	`days` integer NOT NULL,
	`audience` text NOT NULL,
	`sms_body` text DEFAULT '' NOT NULL,
	`sms_opt_out_line` integer DEFAULT true NOT NULL,
	`email_subject` text DEFAULT '' NOT NULL,
	`email_body` text DEFAULT '' NOT NULL,
	`send_time` text,
	`exempt_from_cap` integer DEFAULT false NOT NULL,
	`skip_if_booked` integer DEFAULT false NOT NULL,
	`skip_if_visited_within_days` integer,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `automations_kind_unique` ON `automations` (`kind`);--> statement-breakpoint
ALTER TABLE `campaigns` ADD `automation_id` integer;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `run_date` text;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `cap_exempt` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_automation_run_unique` ON `campaigns` (`automation_id`,`run_date`);--> statement-breakpoint
ALTER TABLE `contacts` ADD `next_appointment_at` text;--> statement-breakpoint
CREATE INDEX `deliveries_recipient_claimed_idx` ON `deliveries` (`recipient_id`,`claimed_at`);