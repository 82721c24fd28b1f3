-- AlterTable
ALTER TABLE "Penugasan" ADD COLUMN "permintaanId" TEXT;

-- CreateTable
CREATE TABLE "PermintaanPegawai" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "timId" TEXT NOT NULL,
    "targetUnitId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "jumlah" INTEGER NOT NULL,
    "deciderId" TEXT NOT NULL,
    "performer" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "decidedById" TEXT,
    "onBehalfOf" TEXT,
    "reason" TEXT,
    "messageIds" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PermintaanPegawai_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PermintaanPegawai_deciderId_status_idx" ON "PermintaanPegawai"("deciderId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PermintaanPegawai_instansiId_number_key" ON "PermintaanPegawai"("instansiId", "number");
