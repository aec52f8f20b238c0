-- CreateIndex
CREATE INDEX "Repayment_billId_idx" ON "Repayment"("billId");

