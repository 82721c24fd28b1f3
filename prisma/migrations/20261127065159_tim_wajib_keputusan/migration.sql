-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_TimKerja" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jenis" TEXT NOT NULL,
    "lingkup" TEXT NOT NULL,
    "ownerUnitId" TEXT NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "maksudTujuan" TEXT,
    "kompetensi" TEXT,
    "openToVolunteers" BOOLEAN NOT NULL DEFAULT false,
    "wajibKeputusan" BOOLEAN NOT NULL DEFAULT false,
    "reportCadence" TEXT NOT NULL,
    "remindersPausedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TimKerja_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TimKerja_ownerUnitId_fkey" FOREIGN KEY ("ownerUnitId") REFERENCES "UnitOrganisasi" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_TimKerja" ("code", "createdAt", "endsOn", "id", "instansiId", "jenis", "kompetensi", "lingkup", "maksudTujuan", "name", "openToVolunteers", "ownerUnitId", "remindersPausedAt", "reportCadence", "startsOn", "updatedAt") SELECT "code", "createdAt", "endsOn", "id", "instansiId", "jenis", "kompetensi", "lingkup", "maksudTujuan", "name", "openToVolunteers", "ownerUnitId", "remindersPausedAt", "reportCadence", "startsOn", "updatedAt" FROM "TimKerja";
DROP TABLE "TimKerja";
ALTER TABLE "new_TimKerja" RENAME TO "TimKerja";
CREATE UNIQUE INDEX "TimKerja_instansiId_code_key" ON "TimKerja"("instansiId", "code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
