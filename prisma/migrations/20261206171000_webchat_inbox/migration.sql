-- The widget's incoming activities are stored before the POST is answered and processed under a
-- lease, so a crash or restart loses no accepted message (issue 17, finding 6).
CREATE TABLE "DirectLineInbox" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "clientActivityId" TEXT,
    "activity" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedBy" TEXT,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "DirectLineInbox_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "DirectLineInbox_processedAt_leaseUntil_idx" ON "DirectLineInbox"("processedAt", "leaseUntil");

CREATE INDEX "DirectLineInbox_createdAt_idx" ON "DirectLineInbox"("createdAt");

CREATE UNIQUE INDEX "DirectLineInbox_conversationId_clientActivityId_key" ON "DirectLineInbox"("conversationId", "clientActivityId");

ALTER TABLE "DirectLineInbox" ADD CONSTRAINT "DirectLineInbox_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "DirectLineConversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
