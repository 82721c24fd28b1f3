-- CreateTable
CREATE TABLE "PelibatanLintasInstansi" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "direction" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "requesterId" TEXT,
    "timId" TEXT,
    "targetName" TEXT NOT NULL,
    "targetInstansiId" TEXT,
    "counterpartId" TEXT,
    "details" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PelibatanLintasInstansi_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PeristiwaLintasInstansi" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pelibatanId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "statusFrom" TEXT,
    "statusTo" TEXT NOT NULL,
    "actorId" TEXT,
    "onBehalfOf" TEXT,
    "note" TEXT,
    "suratId" TEXT,
    "platform" TEXT,
    "fileId" TEXT,
    "fileName" TEXT,
    "mimeType" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "PeristiwaLintasInstansi_pelibatanId_fkey" FOREIGN KEY ("pelibatanId") REFERENCES "PelibatanLintasInstansi" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PelibatanLintasInstansi_instansiId_number_key" ON "PelibatanLintasInstansi"("instansiId", "number");

-- CreateIndex
CREATE INDEX "PeristiwaLintasInstansi_pelibatanId_idx" ON "PeristiwaLintasInstansi"("pelibatanId");
