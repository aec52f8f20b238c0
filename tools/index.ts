// Every tool the agent can call. Add a tool: write tools/<name>.ts with defineTool, list it here.
import type { ToolSpec } from './context.ts';
import { anomalyAlerts } from './anomaly-alerts.ts';
import { contactShop } from './contact-shop.ts';
import { creditLine } from './credit-line/index.ts';
import { customerProfile } from './customer-profile.ts';
import { feedback } from './feedback.ts';
import { merchantStats } from './merchant-stats/index.ts';
import { nearbyShops } from './nearby-shops.ts';
import { priceCheck } from './price-check/index.ts';
import { pricingAdvice } from './pricing-advice.ts';
import { recommend } from './recommend/index.ts';
import { recordPurchase } from './record-purchase.ts';
import { restockForecast } from './restock-forecast/index.ts';
import { confirmScan, scanToBuy } from './scan-to-buy/index.ts';
import { satisfactionReport } from './satisfaction-report/index.ts';
import { riskQuestionnaire, wealthProducts } from './wealth/index.ts';

export const TOOLS: readonly ToolSpec[] = [
  nearbyShops, priceCheck, scanToBuy, confirmScan, recommend, customerProfile, recordPurchase, feedback, contactShop, creditLine, wealthProducts, riskQuestionnaire,
  merchantStats, restockForecast, satisfactionReport, pricingAdvice, anomalyAlerts,
] as unknown as ToolSpec[];
