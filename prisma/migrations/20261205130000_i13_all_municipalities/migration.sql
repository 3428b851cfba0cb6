-- Employment areas for every mainland municipality (issue 13): an area may lack a sourced Swedish
-- or English name or web address, and a pilot municipality may have no sourced area yet.
ALTER TABLE "EmploymentArea" ALTER COLUMN "nameSv" DROP NOT NULL;
ALTER TABLE "EmploymentArea" ALTER COLUMN "nameEn" DROP NOT NULL;
ALTER TABLE "EmploymentArea" ALTER COLUMN "contactUrl" DROP NOT NULL;
ALTER TABLE "EmploymentArea" ALTER COLUMN "contactUrlKind" DROP NOT NULL;
ALTER TABLE "EmploymentArea" ADD COLUMN "contactUrlSource" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "EmploymentArea" ADD COLUMN "memberIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

ALTER TABLE "PilotMunicipality" ALTER COLUMN "employmentAreaId" DROP NOT NULL;
ALTER TABLE "PilotMunicipality" ALTER COLUMN "employmentAreaCertainty" DROP NOT NULL;

-- An optional relation: removing an area leaves the municipality without one rather than failing.
ALTER TABLE "PilotMunicipality" DROP CONSTRAINT "PilotMunicipality_employmentAreaId_fkey";
ALTER TABLE "PilotMunicipality" ADD CONSTRAINT "PilotMunicipality_employmentAreaId_fkey" FOREIGN KEY ("employmentAreaId") REFERENCES "EmploymentArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;
