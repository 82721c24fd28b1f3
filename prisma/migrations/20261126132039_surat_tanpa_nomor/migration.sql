-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Surat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "penugasanId" TEXT,
    "kind" TEXT NOT NULL,
    "nomor" TEXT NOT NULL,
    "tahun" INTEGER NOT NULL,
    "urutan" INTEGER,
    "issuedAt" DATETIME NOT NULL,
    "document" TEXT NOT NULL,
    "recipients" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Surat" ("createdAt", "document", "id", "instansiId", "issuedAt", "kind", "nomor", "penugasanId", "recipients", "tahun", "urutan") SELECT "createdAt", "document", "id", "instansiId", "issuedAt", "kind", "nomor", "penugasanId", "recipients", "tahun", "urutan" FROM "Surat";
DROP TABLE "Surat";
ALTER TABLE "new_Surat" RENAME TO "Surat";
CREATE INDEX "Surat_penugasanId_idx" ON "Surat"("penugasanId");
CREATE UNIQUE INDEX "Surat_instansiId_tahun_urutan_key" ON "Surat"("instansiId", "tahun", "urutan");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
