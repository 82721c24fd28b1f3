-- CreateTable
CREATE TABLE "PengunduranDiri" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "membershipId" TEXT NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "timId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "status" TEXT NOT NULL,
    "holderId" TEXT NOT NULL,
    "messageId" TEXT,
    "decision" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME
);

-- CreateTable
CREATE TABLE "PermohonanAngkaKredit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "butir" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "deciderId" TEXT NOT NULL,
    "messageId" TEXT,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "PengunduranDiri_instansiId_number_key" ON "PengunduranDiri"("instansiId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "PermohonanAngkaKredit_instansiId_number_key" ON "PermohonanAngkaKredit"("instansiId", "number");
