// Replies for scan_to_buy and confirm_scan, zh and en.
import type { Locale } from '../../tools/context.ts';
import { formatYuan } from '../../tools/money.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const km = (m: number) => (m < 1000 ? `${m} m` : `${(m / 1000).toFixed(1)} km`);

function whereLines(c: Any, l: Locale, located: boolean): string[] {
  const zh = l === 'zh';
  const lines: string[] = [];
  if (c.offline.length) {
    lines.push(zh ? (located ? '附近门店（最近优先）：' : '门店：') : (located ? 'Shops nearby (nearest first):' : 'Shops:'));
    for (const s of c.offline) lines.push(`  · ${s.shopName} ${formatYuan(s.price)}${s.distanceM !== null ? ` · ${km(s.distanceM)}` : ''}`);
    if (c.offlineCount > c.offline.length) lines.push(zh ? `  （共 ${c.offlineCount} 家门店有货）` : `  (${c.offlineCount} shops in all have it)`);
  }
  if (c.online.length) {
    lines.push(zh ? '网上（最便宜优先）：' : 'Online (cheapest first):');
    for (const o of c.online) lines.push(`  · ${o.shopName} ${formatYuan(o.price)}${o.url ? ` ${o.url}` : ''}`);
  }
  if (!c.offline.length && !c.online.length) lines.push(zh ? '目前没有店有货。' : 'No shop has it in stock right now.');
  return lines;
}

export function renderScan(r: Any, l: Locale): string {
  const zh = l === 'zh';
  if (r.status === 'need_photo') return zh ? '请发一张商品照片，我来帮你找哪里能买。' : 'Send me a photo of the product and I will find where to buy it.';
  if (r.status === 'empty_catalogue') return zh ? '商品图库还是空的，暂时没法识别照片。' : 'The product picture catalogue is empty, so I cannot recognise photos yet.';
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const lines: string[] = [];
  if (r.status === 'matched') {
    const c = r.candidates[0];
    lines.push(zh ? `这是「${c.name}」（把握 ${pct(c.confidence)}）。` : `This is "${c.name}" (${pct(c.confidence)} sure).`);
    lines.push(...whereLines(c, l, r.located));
    if (!r.located) lines.push(zh ? '发送位置可以按距离排门店。' : 'Share your location to sort shops by distance.');
    if (r.canConfirm) lines.push(zh ? '认对了请点「就是它」，我会记住这张照片的特征（不保存照片），下次认得更准。' : 'If that is right, tap "that\'s it": I will keep the photo\'s features (not the photo) to recognise it better next time.');
  } else {
    lines.push(zh ? '我不太确定照片里是哪一个，可能是：' : 'I am not sure which product this is. It could be:');
    r.candidates.forEach((c: Any, i: number) => {
      const cheapest = [...c.offline, ...c.online].sort((a: Any, b: Any) => a.price - b.price)[0];
      lines.push(`${i + 1}. ${c.name} (${pct(c.confidence)})${cheapest ? zh ? ` · 最低 ${formatYuan(cheapest.price)}` : ` · from ${formatYuan(cheapest.price)}` : ''}`);
    });
    lines.push(r.canConfirm
      ? (zh ? '是哪一个？点一下告诉我，或者换个角度、靠近一点再拍一张。' : 'Which one is it? Tap it, or retake the photo closer and with the label in view.')
      : (zh ? '换个角度、靠近一点再拍一张会更准。' : 'A closer photo with the label in view will match better.'));
  }
  if (!r.viaIndex) lines.push(zh ? '（向量索引暂不可用，已直接在商品库里比对。）' : '(The vector index is unavailable; matched directly against the store.)');
  return lines.join('\n');
}

export function renderConfirmScan(r: Any, l: Locale): string {
  const zh = l === 'zh';
  if (r.status === 'no_scan') return zh ? '没有待确认的照片了（30 分钟内有效），请重新发一张。' : 'There is no recent photo to confirm (they are kept 30 minutes); please send it again.';
  if (r.status === 'not_a_candidate') return zh ? '这个商品不在刚才的候选里，请点候选中的一个，或重新拍照。' : 'That product was not one of the candidates; pick one of them or retake the photo.';
  return zh
    ? `好的，记住了：这是「${r.name}」。已保存这张照片的特征（不含照片本身），这个商品现在有 ${r.photosOfProduct} 张顾客照片参考。`
    : `Thanks, noted: this is "${r.name}". I kept the photo's features (not the photo itself); this product now has ${r.photosOfProduct} shopper photo(s) to match against.`;
}

export function scanSuggestions(tool: string, r: Any, l: Locale): string[] {
  const zh = l === 'zh';
  if (tool !== 'scan_to_buy' || !r.canConfirm) return [];
  if (r.status === 'matched') return [zh ? '就是它' : "that's it", ...(r.candidates.length > 1 ? [zh ? '是第2个' : 'the second one'] : [])];
  if (r.status === 'unsure') return r.candidates.slice(0, 3).map((_: Any, i: number) => (zh ? `是第${i + 1}个` : `it's number ${i + 1}`));
  return [];
}
