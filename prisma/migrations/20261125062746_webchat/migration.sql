-- CreateTable
CREATE TABLE "DirectLineConversation" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "locale" TEXT,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DirectLineConversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectLineActivity" (
    "conversationId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "activityId" TEXT NOT NULL,
    "activity" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DirectLineActivity_pkey" PRIMARY KEY ("conversationId","seq")
);

-- CreateTable
CREATE TABLE "DirectLineToken" (
    "hash" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DirectLineToken_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE INDEX "DirectLineConversation_lastActivityAt_idx" ON "DirectLineConversation"("lastActivityAt");

-- CreateIndex
CREATE INDEX "DirectLineActivity_createdAt_idx" ON "DirectLineActivity"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DirectLineActivity_conversationId_activityId_key" ON "DirectLineActivity"("conversationId", "activityId");

-- CreateIndex
CREATE INDEX "DirectLineToken_conversationId_idx" ON "DirectLineToken"("conversationId");

-- CreateIndex
CREATE INDEX "DirectLineToken_expiresAt_idx" ON "DirectLineToken"("expiresAt");

-- AddForeignKey
ALTER TABLE "DirectLineActivity" ADD CONSTRAINT "DirectLineActivity_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "DirectLineConversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectLineToken" ADD CONSTRAINT "DirectLineToken_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "DirectLineConversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
