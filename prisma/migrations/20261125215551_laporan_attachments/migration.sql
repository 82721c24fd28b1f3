-- AlterTable
ALTER TABLE "Laporan" ADD COLUMN "messageIds" TEXT;

-- CreateTable
CREATE TABLE "LaporanAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "laporanId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "fileName" TEXT,
    "mimeType" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LaporanAttachment_laporanId_fkey" FOREIGN KEY ("laporanId") REFERENCES "Laporan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Laporan_authorId_timId_kind_periodStart_key" ON "Laporan"("authorId", "timId", "kind", "periodStart");
