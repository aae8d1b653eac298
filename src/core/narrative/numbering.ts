const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (headings never need more). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ""}`;
  return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`;
}

/** The four heading levels of such reports: 一、 （一） 1. （1）. */
export const heading = {
  section: (n: number, title: string) => `${chineseNumber(n)}、${title}`,
  subsection: (n: number, title: string) => `（${chineseNumber(n)}）${title}`,
  area: (n: number, title: string) => `${n}.${title}`,
  item: (n: number, text: string) => `（${n}）${text}`,
};
