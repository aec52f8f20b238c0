-- DropIndex
DROP INDEX "Order_shopId_createdAt_idx";

-- DropIndex
DROP INDEX "OrderItem_orderId_idx";

-- CreateIndex
CREATE INDEX "Order_shopId_createdAt_status_total_customerId_idx" ON "Order"("shopId", "createdAt", "status", "total", "customerId");

-- CreateIndex
CREATE INDEX "OrderItem_orderId_productId_quantity_unitPrice_idx" ON "OrderItem"("orderId", "productId", "quantity", "unitPrice");

