-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Laporan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "timId" TEXT,
    "subjectId" TEXT,
    "penugasanId" TEXT,
    "periodStart" DATETIME,
    "periodEnd" DATETIME,
    "dueAt" DATETIME,
    "status" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" DATETIME,
    "messageIds" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Laporan_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Laporan_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Pegawai" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Laporan_timId_fkey" FOREIGN KEY ("timId") REFERENCES "TimKerja" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Laporan_penugasanId_fkey" FOREIGN KEY ("penugasanId") REFERENCES "Penugasan" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Laporan" ("authorId", "content", "createdAt", "dueAt", "id", "instansiId", "kind", "late", "messageIds", "periodEnd", "periodStart", "status", "subjectId", "submittedAt", "timId", "updatedAt") SELECT "authorId", "content", "createdAt", "dueAt", "id", "instansiId", "kind", "late", "messageIds", "periodEnd", "periodStart", "status", "subjectId", "submittedAt", "timId", "updatedAt" FROM "Laporan";
DROP TABLE "Laporan";
ALTER TABLE "new_Laporan" RENAME TO "Laporan";
CREATE UNIQUE INDEX "Laporan_authorId_timId_kind_periodStart_key" ON "Laporan"("authorId", "timId", "kind", "periodStart");
CREATE UNIQUE INDEX "Laporan_authorId_penugasanId_kind_periodStart_key" ON "Laporan"("authorId", "penugasanId", "kind", "periodStart");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
