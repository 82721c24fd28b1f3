-- CreateTable
CREATE TABLE "SendPace" (
    "platform" TEXT NOT NULL PRIMARY KEY,
    "nextAtMs" REAL NOT NULL
);
