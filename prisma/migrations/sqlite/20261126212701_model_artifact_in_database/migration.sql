-- AlterTable
ALTER TABLE "ModelVersion" ADD COLUMN "artifact" BLOB;
