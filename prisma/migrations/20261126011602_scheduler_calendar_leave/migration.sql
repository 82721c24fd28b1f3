-- AlterTable
ALTER TABLE "Instansi" ADD COLUMN "remindersPausedAt" DATETIME;

-- AlterTable
ALTER TABLE "TimKerja" ADD COLUMN "remindersPausedAt" DATETIME;

-- AlterTable
ALTER TABLE "ApprovalStep" ADD COLUMN "pendingSince" DATETIME;

-- CreateTable
CREATE TABLE "HariLibur" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HariLibur_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Cuti" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Cuti_pegawaiId_fkey" FOREIGN KEY ("pegawaiId") REFERENCES "Pegawai" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ScheduledRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobKey" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_ScheduledRun" ("createdAt", "dueAt", "finishedAt", "id", "jobKey", "status") SELECT "createdAt", "dueAt", "finishedAt", "id", "jobKey", "status" FROM "ScheduledRun";
DROP TABLE "ScheduledRun";
ALTER TABLE "new_ScheduledRun" RENAME TO "ScheduledRun";
CREATE UNIQUE INDEX "ScheduledRun_jobKey_dueAt_key" ON "ScheduledRun"("jobKey", "dueAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "HariLibur_instansiId_date_key" ON "HariLibur"("instansiId", "date");

-- CreateIndex
CREATE INDEX "Cuti_pegawaiId_endsOn_idx" ON "Cuti"("pegawaiId", "endsOn");
