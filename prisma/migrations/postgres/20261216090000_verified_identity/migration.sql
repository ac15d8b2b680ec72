-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "identitySecret" TEXT;

-- AlterTable
ALTER TABLE "Visitor" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "verifiedAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "Visitor_tenantId_externalId_key" ON "Visitor"("tenantId", "externalId");
