import fs from 'node:fs';
import path from 'node:path';

export interface HoaxText {
  id: string;
  title: string;
  text: string;
  category: string;
  /** ISO date (YYYY-MM-DD). */
  date: string;
}

/** Real Indonesian hoax texts; never copied into the repository, read beside it. */
export const HOAX_TEXTS_FILE = path.resolve(
  process.cwd(),
  '../shared/data/turnbackhoax-2024.jsonl',
);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'mei', 'jun', 'jul', 'agu', 'sep', 'okt', 'nov', 'des'];
const ENGLISH_MONTHS: Record<string, string> = { may: 'mei', aug: 'agu', oct: 'okt', dec: 'des' };

/** "2 Jan 2024" → "2024-01-02"; unknown forms → "". */
function isoDate(date: string): string {
  const match = /^(\d{1,2})\s+([A-Za-z]{3})\w*\s+(\d{4})$/.exec(date.trim());
  if (!match) return '';
  const month = match[2]!.toLowerCase();
  const index = MONTHS.indexOf(ENGLISH_MONTHS[month] ?? month);
  if (index < 0) return '';
  return `${match[3]}-${String(index + 1).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

/** The first `limit` texts, or undefined when the file is not there. */
export function readHoaxTexts(limit = Infinity): HoaxText[] | undefined {
  if (!fs.existsSync(HOAX_TEXTS_FILE)) return undefined;
  const texts: HoaxText[] = [];
  for (const line of fs.readFileSync(HOAX_TEXTS_FILE, 'utf8').split('\n')) {
    if (texts.length >= limit) break;
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as Record<string, string>;
    texts.push({
      id: String(row.id),
      title: row.title ?? '',
      text: row.text ?? '',
      category: row.category ?? 'others',
      date: isoDate(row.date ?? ''),
    });
  }
  return texts;
}
