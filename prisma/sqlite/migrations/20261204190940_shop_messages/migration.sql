-- CreateTable
CREATE TABLE "ShopMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatKey" TEXT NOT NULL,
    "customerId" INTEGER NOT NULL,
    "shopId" INTEGER NOT NULL,
    "merchantId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "slackChannel" TEXT,
    "slackTs" TEXT,
    "proposalId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "ShopReply" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shopMessageId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "slackTs" TEXT,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShopReply_shopMessageId_fkey" FOREIGN KEY ("shopMessageId") REFERENCES "ShopMessage" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ShopMessage_proposalId_key" ON "ShopMessage"("proposalId");

-- CreateIndex
CREATE INDEX "ShopMessage_status_idx" ON "ShopMessage"("status");

-- CreateIndex
CREATE INDEX "ShopMessage_slackChannel_slackTs_idx" ON "ShopMessage"("slackChannel", "slackTs");

-- CreateIndex
CREATE UNIQUE INDEX "ShopReply_slackTs_key" ON "ShopReply"("slackTs");

-- CreateIndex
CREATE INDEX "ShopReply_deliveredAt_idx" ON "ShopReply"("deliveredAt");

