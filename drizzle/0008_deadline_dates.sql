CREATE TABLE `deadline_dates` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`chat_id` integer NOT NULL,
	`answers` text NOT NULL,
	`reminder_offsets` text DEFAULT '7,3,1' NOT NULL,
	`reminders_on` integer DEFAULT true NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `deadline_reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`deadline_date` text NOT NULL,
	`days_before` integer NOT NULL,
	`due_at` integer NOT NULL,
	`queued_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `deadline_dates`(`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deadline_reminders_once_idx` ON `deadline_reminders` (`user_id`,`kind`,`deadline_date`,`days_before`);--> statement-breakpoint
CREATE INDEX `deadline_reminders_due_idx` ON `deadline_reminders` (`queued_at`,`due_at`);