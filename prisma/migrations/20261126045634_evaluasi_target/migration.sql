-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Evaluasi" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "timId" TEXT,
    "penugasanId" TEXT,
    "targetId" TEXT,
    "nilai" REAL,
    "submitterId" TEXT NOT NULL,
    "hasil" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "returnMode" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "messageIds" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Evaluasi_timId_fkey" FOREIGN KEY ("timId") REFERENCES "TimKerja" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Evaluasi_penugasanId_fkey" FOREIGN KEY ("penugasanId") REFERENCES "Penugasan" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Evaluasi_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Evaluasi" ("chain", "createdAt", "hasil", "id", "instansiId", "messageIds", "number", "position", "returnMode", "status", "submitterId", "timId", "updatedAt") SELECT "chain", "createdAt", "hasil", "id", "instansiId", "messageIds", "number", "position", "returnMode", "status", "submitterId", "timId", "updatedAt" FROM "Evaluasi";
DROP TABLE "Evaluasi";
ALTER TABLE "new_Evaluasi" RENAME TO "Evaluasi";
CREATE UNIQUE INDEX "Evaluasi_instansiId_number_key" ON "Evaluasi"("instansiId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
