-- CreateTable
CREATE TABLE "KnowledgeGap" (
    "id" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "topArticleId" TEXT,
    "secondArticleId" TEXT,
    "topScore" DOUBLE PRECISION NOT NULL,
    "question" TEXT,

    CONSTRAINT "KnowledgeGap_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KnowledgeGap_day_idx" ON "KnowledgeGap"("day");
