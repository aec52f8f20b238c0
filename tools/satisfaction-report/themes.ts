// Complaint themes: the words that signal each, and what a shop can do about it.
export type ThemeDef = { key: string; label: { zh: string; en: string }; cues: string[]; suggestion: { zh: string; en: string } };

export const THEMES: ThemeDef[] = [
  { key: 'long_queue', label: { zh: '排队结账慢', en: 'long checkout queues' }, cues: ['排队', '收银台', '结账', '人多', 'queue', 'waited twenty', 'till', 'checkout'],
    suggestion: { zh: '高峰时段（周末、晚饭前）多开收银台，增设自助结账或扫码购。', en: 'Open more tills at peak times (weekends, before dinner); add self-checkout or scan-and-go.' } },
  { key: 'rude_staff', label: { zh: '服务态度', en: 'staff attitude' }, cues: ['态度', '店员', '服务员', '收银员', '不耐烦', '爱答不理', '冷淡', 'staff', 'rude', 'unfriendly', 'cashier', 'ignored'],
    suggestion: { zh: '做一次服务培训，设置顾客反馈渠道并把好评纳入员工激励。', en: 'Run service training, add a feedback channel and reward staff for good reviews.' } },
  { key: 'not_fresh', label: { zh: '商品不新鲜', en: 'freshness' }, cues: ['新鲜', '烂', '坏了', '变质', '不太新鲜', 'fresh', 'rotten', 'went bad', 'smell'],
    suggestion: { zh: '缩短生鲜进货周期，每天早晚巡检下架临期品，临期商品打折出清。', en: 'Order fresh produce more often, check shelves morning and evening, discount items near their date.' } },
  { key: 'out_of_stock', label: { zh: '缺货', en: 'out of stock' }, cues: ['缺货', '没货', '货架', '断货', '没有', 'stock', 'shelves', 'empty'],
    suggestion: { zh: '按补货预测设置再订货点，热销品保持安全库存（可问我“补货建议”）。', en: 'Set reorder points from the demand forecast and keep safety stock for best sellers (ask me for a restock forecast).' } },
  { key: 'overpriced', label: { zh: '价格偏高', en: 'prices' }, cues: ['贵', '价格', '标价', '性价比', 'expensive', 'overpriced', 'price', 'cheaper'],
    suggestion: { zh: '对照周边店铺价格调整高于中位价的商品，或针对常客推出会员价与满减。', en: 'Reprice items well above nearby shops\' median, or offer member prices and basket discounts to regulars.' } },
  { key: 'damaged_packaging', label: { zh: '包装破损', en: 'damaged packaging' }, cues: ['包装', '破损', '漏', '压坏', 'packaging', 'damaged', 'leaking', 'crushed', 'box'],
    suggestion: { zh: '检查入库和打包流程，液体类商品加封口膜和缓冲材料。', en: 'Check receiving and packing; seal and cushion liquids.' } },
  { key: 'slow_delivery', label: { zh: '配送慢', en: 'slow delivery' }, cues: ['配送', '送达', '外卖', '迟到', '凉', 'delivery', 'late', 'cold', 'arrived'],
    suggestion: { zh: '给出真实的送达时间，高峰期增加骑手或缩小配送范围。', en: 'Promise realistic delivery times; add couriers at peak times or shrink the delivery area.' } },
  { key: 'hygiene', label: { zh: '卫生', en: 'hygiene' }, cues: ['卫生', '头发', '餐具', '不干净', '桌子', 'hygiene', 'hair', 'cutlery', 'tables'],
    suggestion: { zh: '加强后厨和餐具清洁检查，员工佩戴帽子，公示卫生检查记录。', en: 'Tighten kitchen and cutlery cleaning checks, require hair nets, post inspection records.' } },
  { key: 'authenticity', label: { zh: '担心假货', en: 'authenticity' }, cues: ['假货', '正品', '防伪', '专柜', '过敏', 'fake', 'genuine', 'counterfeit', 'anti-counterfeit', 'reaction'],
    suggestion: { zh: '公开进货渠道和授权证明，商品保留防伪码，支持验真与无理由退货。', en: 'Show supplier authorisation, keep anti-counterfeit codes, offer verification and no-questions returns.' } },
  { key: 'sizing', label: { zh: '尺码/色差', en: 'sizing and colour' }, cues: ['尺码', '偏小', '缩水', '颜色', '色差', 'size', 'sizes', 'shrank', 'colour', 'color', 'picture'],
    suggestion: { zh: '提供详细尺码表和实拍图，注明洗涤方式，支持免费换码。', en: 'Give detailed size charts and real photos, state washing care, offer free size exchanges.' } },
  { key: 'quality', label: { zh: '质量问题', en: 'product quality' }, cues: ['质量', '做工', '粗糙', '用两天', '充不进电', 'quality', 'broke', 'workmanship', 'stopped', 'rough'],
    suggestion: { zh: '下架退货率高的批次，更换供应商或加入质检，延长质保。', en: 'Pull batches with high returns, switch suppliers or add quality checks, extend the warranty.' } },
  { key: 'taste', label: { zh: '口味/分量', en: 'taste and portions' }, cues: ['味道', '偏咸', '分量', '难吃', '坨', 'taste', 'salty', 'portion', 'soggy'],
    suggestion: { zh: '复核配方和出餐流程，统一分量标准，出餐前试味。', en: 'Review recipes and cooking steps, standardise portions, taste before serving.' } },
];

export function themesOf(text: string): string[] {
  const lower = text.toLowerCase();
  return THEMES.filter((t) => t.cues.some((c) => lower.includes(c))).map((t) => t.key);
}
