-- CreateTable
CREATE TABLE "PelibatanLintasInstansi" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PelibatanLintasInstansi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeristiwaLintasInstansi" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeristiwaLintasInstansi_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PelibatanLintasInstansi_instansiId_number_key" ON "PelibatanLintasInstansi"("instansiId", "number");

-- CreateIndex
CREATE INDEX "PeristiwaLintasInstansi_pelibatanId_idx" ON "PeristiwaLintasInstansi"("pelibatanId");

-- AddForeignKey
ALTER TABLE "PelibatanLintasInstansi" ADD CONSTRAINT "PelibatanLintasInstansi_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeristiwaLintasInstansi" ADD CONSTRAINT "PeristiwaLintasInstansi_pelibatanId_fkey" FOREIGN KEY ("pelibatanId") REFERENCES "PelibatanLintasInstansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;
