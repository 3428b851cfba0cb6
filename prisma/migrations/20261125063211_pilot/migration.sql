-- CreateEnum
CREATE TYPE "EligibilityOutcome" AS ENUM ('eligible', 'not_eligible', 'cant_tell', 'pilot_over');

-- CreateTable
CREATE TABLE "PilotDataVersion" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "checksum" TEXT NOT NULL,
    "seededAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PilotDataVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PilotArea" (
    "id" TEXT NOT NULL,
    "nameFi" TEXT NOT NULL,
    "nameSv" TEXT,
    "nameEn" TEXT,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "caveatIds" TEXT[],
    "source" TEXT[],

    CONSTRAINT "PilotArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmploymentArea" (
    "id" TEXT NOT NULL,
    "nameFi" TEXT NOT NULL,
    "nameSv" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "leadMunicipalityId" TEXT,
    "leadMunicipalityName" TEXT,
    "contactUrl" TEXT NOT NULL,
    "contactUrlKind" TEXT NOT NULL,
    "source" TEXT[],

    CONSTRAINT "EmploymentArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PilotMunicipality" (
    "id" TEXT NOT NULL,
    "nameFi" TEXT NOT NULL,
    "nameSv" TEXT,
    "aliases" TEXT[],
    "pilotAreaId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "employmentAreaId" TEXT NOT NULL,
    "employmentAreaCertainty" TEXT NOT NULL,
    "employmentAreaSource" TEXT[],
    "source" TEXT[],

    CONSTRAINT "PilotMunicipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PilotOffice" (
    "id" TEXT NOT NULL,
    "pilotAreaId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "street" TEXT,
    "city" TEXT,
    "validFrom" TEXT,
    "continued" BOOLEAN,
    "servesIntegrationCustomers" INTEGER,
    "source" TEXT[],

    CONSTRAINT "PilotOffice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PilotFact" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "source" TEXT[],

    CONSTRAINT "PilotFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EligibilityCheck" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "municipalityId" TEXT,
    "municipalityName" TEXT,
    "municipalityKind" TEXT,
    "ageYears" INTEGER,
    "birthYear" INTEGER,
    "foreignLanguage" TEXT,
    "benefit" TEXT,
    "unemployedOrInServices" TEXT,
    "outcome" "EligibilityOutcome" NOT NULL,
    "reasons" TEXT[],
    "nextStep" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "evaluatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EligibilityCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PilotMunicipality_pilotAreaId_idx" ON "PilotMunicipality"("pilotAreaId");

-- CreateIndex
CREATE INDEX "PilotMunicipality_employmentAreaId_idx" ON "PilotMunicipality"("employmentAreaId");

-- CreateIndex
CREATE INDEX "PilotFact_kind_idx" ON "PilotFact"("kind");

-- CreateIndex
CREATE INDEX "EligibilityCheck_userId_evaluatedAt_idx" ON "EligibilityCheck"("userId", "evaluatedAt");

-- CreateIndex
CREATE INDEX "EligibilityCheck_outcome_evaluatedAt_idx" ON "EligibilityCheck"("outcome", "evaluatedAt");

-- CreateIndex
CREATE INDEX "EligibilityCheck_municipalityId_idx" ON "EligibilityCheck"("municipalityId");

-- AddForeignKey
ALTER TABLE "PilotMunicipality" ADD CONSTRAINT "PilotMunicipality_pilotAreaId_fkey" FOREIGN KEY ("pilotAreaId") REFERENCES "PilotArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotMunicipality" ADD CONSTRAINT "PilotMunicipality_employmentAreaId_fkey" FOREIGN KEY ("employmentAreaId") REFERENCES "EmploymentArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotOffice" ADD CONSTRAINT "PilotOffice_pilotAreaId_fkey" FOREIGN KEY ("pilotAreaId") REFERENCES "PilotArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EligibilityCheck" ADD CONSTRAINT "EligibilityCheck_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EligibilityCheck" ADD CONSTRAINT "EligibilityCheck_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "PilotMunicipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;
