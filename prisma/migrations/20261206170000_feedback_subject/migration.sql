-- Feedback given in a chat is linked to its conversation and channel user (issue 17, finding 3).
ALTER TABLE "Feedback" ADD COLUMN "channelId" TEXT,
ADD COLUMN "conversationId" TEXT,
ADD COLUMN "channelUserId" TEXT;

CREATE INDEX "Feedback_channelId_conversationId_idx" ON "Feedback"("channelId", "conversationId");

CREATE INDEX "Feedback_channelId_channelUserId_idx" ON "Feedback"("channelId", "channelUserId");
