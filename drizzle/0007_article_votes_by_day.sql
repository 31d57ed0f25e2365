PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_article_feedback` (
	`article_id` text NOT NULL,
	`language` text NOT NULL,
	`helpful` integer DEFAULT 0 NOT NULL,
	`not_helpful` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`voted_on` text
);
--> statement-breakpoint
INSERT INTO `__new_article_feedback`("article_id", "language", "helpful", "not_helpful", "created_at", "voted_on") SELECT "article_id", "language", "helpful", "not_helpful", "created_at", "voted_on" FROM `article_feedback`;--> statement-breakpoint
DROP TABLE `article_feedback`;--> statement-breakpoint
ALTER TABLE `__new_article_feedback` RENAME TO `article_feedback`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `article_feedback_day_idx` ON `article_feedback` (`article_id`,`language`,`voted_on`);