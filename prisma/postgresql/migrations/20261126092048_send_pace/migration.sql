-- CreateTable
CREATE TABLE "SendPace" (
    "platform" TEXT NOT NULL,
    "nextAtMs" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "SendPace_pkey" PRIMARY KEY ("platform")
);
