-- CreateTable
CREATE TABLE "Kendala" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instansiId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "timId" TEXT NOT NULL,
    "raisedById" TEXT NOT NULL,
    "permasalahan" TEXT NOT NULL,
    "kendala" TEXT NOT NULL,
    "alternatives" TEXT NOT NULL,
    "collaboration" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "decision" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Kendala_timId_fkey" FOREIGN KEY ("timId") REFERENCES "TimKerja" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KendalaRecipient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kendalaId" TEXT NOT NULL,
    "pegawaiId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "messageId" TEXT,
    CONSTRAINT "KendalaRecipient_kendalaId_fkey" FOREIGN KEY ("kendalaId") REFERENCES "Kendala" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KendalaFollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kendalaId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "KendalaFollowUp_kendalaId_fkey" FOREIGN KEY ("kendalaId") REFERENCES "Kendala" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Kendala_instansiId_number_key" ON "Kendala"("instansiId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "KendalaRecipient_kendalaId_pegawaiId_key" ON "KendalaRecipient"("kendalaId", "pegawaiId");
