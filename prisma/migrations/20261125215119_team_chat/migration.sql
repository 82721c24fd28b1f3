-- CreateTable
CREATE TABLE "TeamChat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "timId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "workspace" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "linkedById" TEXT NOT NULL,
    "linkedAt" DATETIME NOT NULL,
    CONSTRAINT "TeamChat_timId_fkey" FOREIGN KEY ("timId") REFERENCES "TimKerja" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TeamChat_platform_workspace_chatId_idx" ON "TeamChat"("platform", "workspace", "chatId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamChat_timId_platform_key" ON "TeamChat"("timId", "platform");
