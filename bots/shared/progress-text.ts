// What a user reads while their turn runs ("Finding shops nearby…"), from the assistant's progress
// (agents/assistant.ts, TurnProgress). Adapter text, not the model's: the model never sees it.
import type { TurnProgress } from '../../agents/assistant.ts';
import type { Locale } from '../../tools/context.ts';

export const LOOKING_IT_UP: Record<Locale, string> = { zh: '正在查询…', en: 'Looking it up…' };

const TOOL_STEP: Record<string, Record<Locale, string>> = {
  nearby_shops: { zh: '正在查找附近的店…', en: 'Finding shops nearby…' },
  price_check: { zh: '正在比较各家价格…', en: 'Comparing prices…' },
  scan_to_buy: { zh: '正在识别照片里的商品…', en: 'Recognising the product in the photo…' },
  confirm_scan: { zh: '正在记下你的选择…', en: 'Noting your pick…' },
  recommend: { zh: '正在挑选推荐…', en: 'Picking recommendations…' },
  customer_profile: { zh: '正在整理你的购物记录…', en: 'Reading your shopping history…' },
  record_purchase: { zh: '正在准备记录…', en: 'Preparing the record…' },
  feedback: { zh: '正在记下你的反馈…', en: 'Noting your feedback…' },
  contact_shop: { zh: '正在准备给店主的留言…', en: 'Preparing your message for the shop…' },
  credit_line: { zh: '正在查询额度和账单…', en: 'Checking your pay-later line…' },
  wealth_products: { zh: '正在匹配理财产品…', en: 'Matching wealth products…' },
  risk_questionnaire: { zh: '正在评估风险等级…', en: 'Assessing your risk level…' },
  merchant_stats: { zh: '正在统计销售数据…', en: 'Adding up your sales…' },
  restock_forecast: { zh: '正在预测补货…', en: 'Forecasting demand for restocking…' },
  satisfaction_report: { zh: '正在分析顾客评价…', en: 'Reading customer reviews…' },
  pricing_advice: { zh: '正在计算定价建议…', en: 'Working out pricing…' },
  anomaly_alerts: { zh: '正在检查异常…', en: 'Checking for anything unusual…' },
};
const READING: Record<Locale, string> = { zh: '正在理解你的问题…', en: 'Reading your question…' };
const WRITING: Record<Locale, string> = { zh: '正在整理回答…', en: 'Writing the answer…' };

/** The status of one turn: the model's first call reads the question, a call after a tool writes the answer. */
export function progressText() {
  let toolRan = false;
  return (progress: TurnProgress): string => {
    if (progress.step === 'tool') {
      toolRan = true;
      return TOOL_STEP[progress.tool]?.[progress.locale] ?? LOOKING_IT_UP[progress.locale];
    }
    return (toolRan ? WRITING : READING)[progress.locale];
  };
}
