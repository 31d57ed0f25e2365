ALTER TABLE `legal_requests` ADD `erased_at` integer;--> statement-breakpoint
ALTER TABLE `request_attachments` ADD `group_message_id` integer;