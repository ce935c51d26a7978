/**
 * Tables for people: a header, columns padded to their widest cell, numbers aligned right, and —
 * given the terminal's width — laid out to fit it, so no row wraps a column onto a line of its own.
 * Cells that must give way are cut with "…", the columns named in `shrink` first.
 */
import { safeText } from "./safe-text.ts";

export interface TableOptions {
  /** The width to fit (a terminal's columns); none: as wide as the cells. */
  width?: number;
  /** Columns aligned right (counts); the others are aligned left. */
  right?: readonly number[];
  /** Columns that give way first when the table is too wide, in order; the rest only after them. */
  shrink?: readonly number[];
}

const GAP = 2;
/** A column never narrows below this (or its header, whichever is less). */
const MIN_WIDTH = 4;

const length = (s: string): number => [...s].length;

function cut(s: string, width: number): string {
  return length(s) <= width ? s : `${[...s].slice(0, Math.max(0, width - 1)).join("")}…`;
}

/** The header line and one line per row; every cell shown safely on one line. */
export function tableLines(columns: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string[] {
  const cells = [columns, ...rows].map((r) => columns.map((_, i) => safeText(r[i] ?? "", { oneLine: true })));
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => length(r[i]!))));
  if (options.width !== undefined) fit(widths, columns, options.width, options.shrink ?? []);
  const right = new Set(options.right ?? []);
  const line = (r: string[]): string =>
    r.map((c, i) => {
      const v = cut(c, widths[i]!);
      return right.has(i) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!);
    }).join(" ".repeat(GAP)).trimEnd();
  return cells.map(line);
}

/** Narrows `widths` in place until the table fits `width`: the `shrink` columns first, then the widest. */
function fit(widths: number[], columns: readonly string[], width: number, shrink: readonly number[]): void {
  const total = (): number => widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
  const floor = (i: number): number => Math.min(widths[i]!, Math.max(MIN_WIDTH, Math.min(length(columns[i]!), 8)));
  const floors = widths.map((_, i) => floor(i));
  for (const i of shrink) {
    if (total() <= width) return;
    widths[i] = Math.max(floors[i]!, widths[i]! - (total() - width));
  }
  while (total() > width) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i]! > floors[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) return; // as narrow as it goes: the terminal wraps what is left
    widths[widest]!--;
  }
}

/** "1 failure", "2 failures". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
