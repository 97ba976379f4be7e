/** The most a contact's total spent may hold, as the contract allows. */
const MAX_CENTS = 1_000_000_000;

/**
 * An amount as written in a spreadsheet ("$1,234.50", "1.234,50 €", "1 234,5", "12") in integer cents,
 * or undefined when it is not a plain non-negative amount. With both , and . the last one is the
 * decimal mark; a lone separator followed by exactly three digits groups thousands.
 */
export function readMoneyCents(text: string): number | undefined {
  // Currency signs, codes before or after ("USD 12", "12 kr."), spaces (also non-breaking) and Swiss
  // apostrophes carry no value. Anything else (a minus, brackets, Excel's 1.2E+3) makes it unreadable.
  const amount = text.replace(/[\s'’\p{Sc}]/gu, '').replace(/^\p{L}+\.?|\p{L}+\.?$/gu, '');
  if (!/^\d[\d.,]*$/.test(amount)) return undefined;
  const decimalMark = findDecimalMark(amount);
  const [whole = '', fraction = ''] = decimalMark ? splitAt(amount, amount.lastIndexOf(decimalMark)) : [amount, ''];
  const grouping = whole.includes(',') ? ',' : '.';
  if (!isGroupedNumber(whole, grouping) || !/^\d*$/.test(fraction)) return undefined;
  const cents = Math.round(Number(`${whole.replaceAll(grouping, '')}.${fraction || '0'}`) * 100);
  return cents <= MAX_CENTS ? cents : undefined;
}

function findDecimalMark(amount: string): '.' | ',' | undefined {
  const lastDot = amount.lastIndexOf('.');
  const lastComma = amount.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : undefined;
  if (!mark || amount.indexOf(mark) !== amount.lastIndexOf(mark)) return undefined;
  const [whole = '', after = ''] = splitAt(amount, amount.indexOf(mark));
  return after.length === 3 && whole.length <= 3 ? undefined : mark;
}

function splitAt(text: string, index: number): [string, string] {
  return [text.slice(0, index), text.slice(index + 1)];
}

/** "1234" or "1,234,567" (with `grouping` as the separator): digits, optionally in groups of three. */
function isGroupedNumber(whole: string, grouping: string): boolean {
  if (/^\d+$/.test(whole)) return true;
  const sep = grouping === '.' ? '\\.' : ',';
  return new RegExp(`^\\d{1,3}(${sep}\\d{3})+$`).test(whole);
}
