-- AlterTable
ALTER TABLE "PlatformIdentity" ADD COLUMN "unreachableAt" DATETIME;
ALTER TABLE "PlatformIdentity" ADD COLUMN "unreachableReason" TEXT;
