-- CreateTable
CREATE TABLE "Evaluasi" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "timId" TEXT,
    "submitterId" TEXT NOT NULL,
    "hasil" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "returnMode" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "messageIds" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Evaluasi_timId_fkey" FOREIGN KEY ("timId") REFERENCES "TimKerja" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvaluasiAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evaluasiId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "note" TEXT,
    "at" DATETIME NOT NULL,
    CONSTRAINT "EvaluasiAction_evaluasiId_fkey" FOREIGN KEY ("evaluasiId") REFERENCES "Evaluasi" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Evaluasi_instansiId_number_key" ON "Evaluasi"("instansiId", "number");
