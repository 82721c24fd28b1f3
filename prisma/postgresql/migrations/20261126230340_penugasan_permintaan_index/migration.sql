-- CreateIndex
CREATE INDEX "Penugasan_permintaanId_idx" ON "Penugasan"("permintaanId");
