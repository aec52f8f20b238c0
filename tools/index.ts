// Every tool the agent can call. Add a tool: write tools/<name>.ts with defineTool, list it here.
import type { ToolSpec } from './context.ts';
import { merchantStats } from './merchant-stats/index.ts';
import { nearbyShops } from './nearby-shops.ts';
import { priceCheck } from './price-check/index.ts';
import { restockForecast } from './restock-forecast/index.ts';
import { satisfactionReport } from './satisfaction-report/index.ts';

export const TOOLS: readonly ToolSpec[] = [nearbyShops, priceCheck, merchantStats, restockForecast, satisfactionReport] as unknown as ToolSpec[];
