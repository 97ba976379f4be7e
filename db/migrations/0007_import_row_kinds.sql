ALTER TABLE `import_rows` ADD `kind` text DEFAULT 'rejected' NOT NULL;--> statement-breakpoint
ALTER TABLE `import_rows` ADD `contact_id` integer;