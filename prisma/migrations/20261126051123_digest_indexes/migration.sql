-- CreateIndex
CREATE INDEX "Laporan_timId_kind_periodStart_idx" ON "Laporan"("timId", "kind", "periodStart");

-- CreateIndex
CREATE INDEX "Feedback_laporanId_idx" ON "Feedback"("laporanId");

-- CreateIndex
CREATE INDEX "Feedback_authorId_createdAt_idx" ON "Feedback"("authorId", "createdAt");

-- CreateIndex
CREATE INDEX "Kendala_timId_status_idx" ON "Kendala"("timId", "status");
