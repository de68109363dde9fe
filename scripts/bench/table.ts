/** Plain aligned text tables for stdout: first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][], title?: string): string {
  const width = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(width[c]!) : cell.padStart(width[c]!)))
      .join('  ')
      .trimEnd();
  const rule = width.map((w) => '-'.repeat(w)).join('  ');
  return [...(title ? [title] : []), line(header), rule, ...rows.map(line)].join('\n');
}

export const check = (ok: boolean): string => (ok ? 'yes' : 'NO');
