CREATE TABLE `article_feedback` (
	`article_id` text NOT NULL,
	`language` text NOT NULL,
	`helpful` integer DEFAULT 0 NOT NULL,
	`not_helpful` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`article_id`, `language`)
);
--> statement-breakpoint
CREATE TABLE `key_value` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`language` text,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL
);
