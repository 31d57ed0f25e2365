CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer NOT NULL,
	`action` text NOT NULL,
	`request_id` integer,
	`detail` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_request_idx` ON `audit_log` (`request_id`);--> statement-breakpoint
CREATE TABLE `desk_prompts` (
	`chat_id` integer NOT NULL,
	`message_id` integer NOT NULL,
	`request_id` integer NOT NULL,
	`lawyer_id` integer NOT NULL,
	`action` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`chat_id`, `message_id`),
	FOREIGN KEY (`request_id`) REFERENCES `legal_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `lawyers` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`display_name` text,
	`added_by` integer NOT NULL,
	`added_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `referral_organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`added_by` integer NOT NULL,
	`added_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `referral_organisations_name_unique` ON `referral_organisations` (`name`);--> statement-breakpoint
CREATE TABLE `relayed_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`direction` text NOT NULL,
	`group_chat_id` integer NOT NULL,
	`group_message_id` integer NOT NULL,
	`client_chat_id` integer NOT NULL,
	`client_message_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `legal_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `relayed_messages_group_idx` ON `relayed_messages` (`group_chat_id`,`group_message_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `relayed_messages_client_idx` ON `relayed_messages` (`client_chat_id`,`client_message_id`);--> statement-breakpoint
ALTER TABLE `legal_requests` ADD `group_thread_id` integer;--> statement-breakpoint
ALTER TABLE `legal_requests` ADD `card_message_id` integer;--> statement-breakpoint
ALTER TABLE `legal_requests` ADD `disposition` text;--> statement-breakpoint
ALTER TABLE `legal_requests` ADD `referred_to` text;--> statement-breakpoint
ALTER TABLE `legal_requests` ADD `decline_reason` text;--> statement-breakpoint
ALTER TABLE `legal_requests` ADD `reminded_at` integer;