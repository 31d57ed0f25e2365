CREATE TABLE `centre_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`centre_id` text NOT NULL,
	`problem` text NOT NULL,
	`language` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer
);
--> statement-breakpoint
CREATE TABLE `support_centres` (
	`id` text PRIMARY KEY NOT NULL,
	`city` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`address` text,
	`lat` real,
	`lon` real,
	`phones` text NOT NULL,
	`hours` text,
	`hours_text` text,
	`time_zone` text,
	`services` text NOT NULL,
	`services_text` text NOT NULL,
	`languages` text NOT NULL,
	`website` text,
	`source_title` text,
	`source_url` text,
	`verified_at` text,
	`confidence` text NOT NULL,
	`outdated` integer DEFAULT false NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL
);
