-- Live chat with a coach (issue 20): coaches' live-chat switch, handoffs, their messages and call-back requests.
-- CreateTable
CREATE TABLE "CoachLiveStatus" (
    "coachId" TEXT NOT NULL,
    "available" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CoachLiveStatus_pkey" PRIMARY KEY ("coachId")
);

-- CreateTable
CREATE TABLE "Handoff" (
    "id" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "userId" TEXT,
    "locale" TEXT NOT NULL,
    "municipality" TEXT,
    "area" TEXT,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "coachId" TEXT,
    "conversationRef" JSONB NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedAt" TIMESTAMP(3),
    "firstCoachReplyAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "endedBy" TEXT,
    "userTypingAt" TIMESTAMP(3),
    "coachTypingAt" TIMESTAMP(3),
    "lastQueueNoticeAt" TIMESTAMP(3),

    CONSTRAINT "Handoff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoffMessage" (
    "seq" SERIAL NOT NULL,
    "handoffId" TEXT NOT NULL,
    "sender" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "translation" TEXT,
    "translationLanguage" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HandoffMessage_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "CallbackRequest" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "channelId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "preferredTime" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "municipality" TEXT,
    "area" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "handledBy" TEXT,
    "handledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallbackRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Handoff_status_area_requestedAt_idx" ON "Handoff"("status", "area", "requestedAt");

-- CreateIndex
CREATE INDEX "Handoff_channelId_conversationId_idx" ON "Handoff"("channelId", "conversationId");

-- CreateIndex
CREATE INDEX "Handoff_coachId_status_idx" ON "Handoff"("coachId", "status");

-- CreateIndex
CREATE INDEX "Handoff_userId_idx" ON "Handoff"("userId");

-- CreateIndex
CREATE INDEX "HandoffMessage_handoffId_seq_idx" ON "HandoffMessage"("handoffId", "seq");

-- CreateIndex
CREATE INDEX "CallbackRequest_status_area_createdAt_idx" ON "CallbackRequest"("status", "area", "createdAt");

-- CreateIndex
CREATE INDEX "CallbackRequest_userId_idx" ON "CallbackRequest"("userId");

-- AddForeignKey
ALTER TABLE "CoachLiveStatus" ADD CONSTRAINT "CoachLiveStatus_coachId_fkey" FOREIGN KEY ("coachId") REFERENCES "Coach"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_coachId_fkey" FOREIGN KEY ("coachId") REFERENCES "Coach"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoffMessage" ADD CONSTRAINT "HandoffMessage_handoffId_fkey" FOREIGN KEY ("handoffId") REFERENCES "Handoff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallbackRequest" ADD CONSTRAINT "CallbackRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

