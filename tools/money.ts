// Money is fen (Int) in the store and yuan (number) in tool inputs/outputs and replies.
export const toYuan = (fen: number): number => Math.round(fen) / 100;
export const toFen = (yuan: number): number => Math.round(yuan * 100);
export const formatYuan = (yuan: number): string => `¥${yuan.toFixed(2).replace(/\.00$/, '')}`;
