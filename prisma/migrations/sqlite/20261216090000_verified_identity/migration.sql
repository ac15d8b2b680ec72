-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN "identitySecret" TEXT;

-- AlterTable
ALTER TABLE "Visitor" ADD COLUMN "externalId" TEXT;
ALTER TABLE "Visitor" ADD COLUMN "verifiedAt" DATETIME;

-- CreateIndex
CREATE UNIQUE INDEX "Visitor_tenantId_externalId_key" ON "Visitor"("tenantId", "externalId");
