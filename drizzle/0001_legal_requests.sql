CREATE TABLE `legal_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`user_id` integer NOT NULL,
	`chat_id` integer NOT NULL,
	`language` text NOT NULL,
	`for_whom` text NOT NULL,
	`subject_name` text,
	`topic` text NOT NULL,
	`article_id` text,
	`urgency` text NOT NULL,
	`urgent` integer NOT NULL,
	`city` text NOT NULL,
	`description` text NOT NULL,
	`contact_phone` text,
	`safe_to_contact` integer NOT NULL,
	`status` text NOT NULL,
	`assigned_lawyer_id` integer,
	`source_update_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_activity_at` integer NOT NULL,
	`first_answered_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `legal_requests_reference_unique` ON `legal_requests` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `legal_requests_source_update_id_unique` ON `legal_requests` (`source_update_id`);--> statement-breakpoint
CREATE INDEX `legal_requests_user_idx` ON `legal_requests` (`user_id`);--> statement-breakpoint
CREATE INDEX `legal_requests_status_idx` ON `legal_requests` (`status`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`request_id` integer,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`delivered_at` integer,
	`last_error` text,
	FOREIGN KEY (`request_id`) REFERENCES `legal_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`delivered_at`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `request_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_id` text NOT NULL,
	`file_name` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `legal_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `request_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`direction` text NOT NULL,
	`author_id` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `legal_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `request_messages_request_idx` ON `request_messages` (`request_id`);--> statement-breakpoint
CREATE TABLE `request_status_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`actor_id` integer NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `legal_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `request_status_history_request_idx` ON `request_status_history` (`request_id`);