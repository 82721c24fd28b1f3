-- CreateTable
CREATE TABLE "Surat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "penugasanId" TEXT,
    "kind" TEXT NOT NULL,
    "nomor" TEXT NOT NULL,
    "tahun" INTEGER NOT NULL,
    "urutan" INTEGER NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "document" TEXT NOT NULL,
    "recipients" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Surat_penugasanId_idx" ON "Surat"("penugasanId");

-- CreateIndex
CREATE UNIQUE INDEX "Surat_instansiId_tahun_urutan_key" ON "Surat"("instansiId", "tahun", "urutan");
