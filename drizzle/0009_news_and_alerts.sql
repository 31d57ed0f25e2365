CREATE TABLE `alert_deliveries` (
	`alert_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`language` text NOT NULL,
	`outcome` text,
	`at` integer,
	`opened_at` integer,
	`unsubscribed_at` integer,
	PRIMARY KEY(`alert_id`, `user_id`),
	FOREIGN KEY (`alert_id`) REFERENCES `alerts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `alert_deliveries_user_idx` ON `alert_deliveries` (`user_id`);--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`status` text NOT NULL,
	`step` text,
	`created_by` integer NOT NULL,
	`chat_id` integer NOT NULL,
	`texts` text NOT NULL,
	`article_id` text,
	`audience` text NOT NULL,
	`origin` text DEFAULT 'admin' NOT NULL,
	`scheduled_at` integer,
	`started_at` integer,
	`finished_at` integer,
	`progress_message_id` integer,
	`progress_shown` text,
	`progress_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `news_subscriptions` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`language` text,
	`topics` text DEFAULT '[]' NOT NULL,
	`citizenship` text,
	`city` text,
	`offered_at` integer,
	`subscribed_at` integer,
	`blocked_at` integer,
	`updated_at` integer NOT NULL
);
