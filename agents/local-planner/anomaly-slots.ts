// The baseline of an anomaly question: "跟过去半年比" / "回看半年的数据" / "基准换成过去半年的数据" / "compared with the last 90 days" / "vs the past two months"
// is how much history the period is judged against (lookbackDays, 28–365), not the period itself. The period is
// what the message names apart from that span ("这周的异常，跟过去半年比" → this week against 180 days).
import { findDurations } from './entities/duration.ts';

const COMPARED = /(?:(?:基准|基线|参照|对比期)\s*(?:换成|改成|改为|换为|设为|设成|定为|用|是|为|拉到|放到)|(?:change|set|switch|make) (?:the )?baseline (?:to|as)|跟|和|与|同|对比|比较|相比|相较|对照|比起|回看|往回看|往前看|回溯|look(?:ing)?\s+back(?:\s+(?:over|at|on))?|go(?:ing)?\s+back|compared?\s+(?:to|with|against)|versus|vs\.?|against|relative\s+to|baseline\s*(?:of|is|[—–:=-]+)?)\s*(?:于|the\s+)?\s*(?:过去|最近|之前|前面?|近|past|last|previous|prior|preceding)?\s*(?:的\s*)?$/i;
const COMPARED_AFTER = /^\s*(?:的?(?:数据|平均|均值|水平|情况))?\s*(?:比|相比|对比|比较|作对比|做对比|为基准|当基准|(?:的)?基准|(?:的)?数据(?:做|作|当)基准|as (?:a |the )?baseline|(?:of\s+)?(?:history\s+)?(?:as\s+)?(?:a\s+|the\s+)?baseline|history)/i;

/** `text`: the words of the baseline ("跟过去半年比"), to be taken out before the period is read. */
export type AnomalySlots = { lookbackDays?: number; text?: string };

export function anomalySlots(text: string): AnomalySlots {
  for (const d of findDurations(text)) {
    const before = text.slice(Math.max(0, d.index - 28), d.index);
    const after = text.slice(d.index + d.text.length);
    const lead = COMPARED.exec(before);
    const tail = COMPARED_AFTER.exec(after);
    if (!lead && !tail) continue;
    const words = (lead?.[0] ?? '') + d.text + (tail?.[0] ?? '');
    return { lookbackDays: Math.min(365, Math.max(28, Math.round(d.days))), text: words };
  }
  return {};
}
