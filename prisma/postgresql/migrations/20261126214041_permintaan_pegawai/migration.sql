-- AlterTable
ALTER TABLE "Penugasan" ADD COLUMN     "permintaanId" TEXT;

-- CreateTable
CREATE TABLE "PermintaanPegawai" (
    "id" TEXT NOT NULL,
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
    "endsOn" TIMESTAMP(3) NOT NULL,
    "decidedById" TEXT,
    "onBehalfOf" TEXT,
    "reason" TEXT,
    "messageIds" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PermintaanPegawai_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PermintaanPegawai_deciderId_status_idx" ON "PermintaanPegawai"("deciderId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PermintaanPegawai_instansiId_number_key" ON "PermintaanPegawai"("instansiId", "number");

-- AddForeignKey
ALTER TABLE "PermintaanPegawai" ADD CONSTRAINT "PermintaanPegawai_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;
