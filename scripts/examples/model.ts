/** The content of an example department: what its officer would type into 评分表 and 数据表. */

export interface ExampleTarget {
  name: string;
  target: string;
  actual: string;
}

export interface ExampleIndicator {
  l1: string;
  l2: string;
  l3: string;
  weight: number;
  explanation: string;
  criterion: string;
  targets?: ExampleTarget[];
  score: number | string;
  reason: string;
}

/** A data-table line: a label and its value (a section heading when value is undefined). */
export type DataLine = [label: string, value?: number | string];

export interface SanGong {
  rows: [name: string, budget: number, actual: number, lastYear: number][];
}

export interface ExampleDepartment {
  file: string;
  unit: string;
  year: number;
  /** A line under the title saying what the example is. */
  note: string;
  indicators: ExampleIndicator[];
  /** What the 合计 row says; the sum of the scores when omitted. */
  statedTotal?: number;
  data: DataLine[];
  sanGong: SanGong;
}
