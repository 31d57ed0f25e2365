ALTER TABLE `request_messages` ADD `source_chat_id` integer;--> statement-breakpoint
ALTER TABLE `request_messages` ADD `source_message_id` integer;--> statement-breakpoint
ALTER TABLE `request_messages` ADD `earlier_texts` text;--> statement-breakpoint
ALTER TABLE `request_messages` ADD `edited_at` integer;--> statement-breakpoint
CREATE INDEX `request_messages_source_idx` ON `request_messages` (`source_chat_id`,`source_message_id`);