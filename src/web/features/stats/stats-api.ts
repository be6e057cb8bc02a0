import type {
  FigureInput,
  ImportResult,
  MonthFigures,
  StatsSummary,
} from '../../../common/api/stats.js';
import { api, ApiError, CsvBody, NETWORK_ERROR } from '../../api/client.js';
import { getLocale } from '../../i18n/locale.js';

export type { StatsSummary };

const enc = encodeURIComponent;

export const getStationStats = (slug: string) =>
  api<StatsSummary>('GET', `/api/stats/stations/${enc(slug)}`);

export const putMonthFigures = (
  stationId: string,
  month: string,
  input: { figures: FigureInput[]; reason?: string },
) => api<MonthFigures>('PUT', `/api/stations/${enc(stationId)}/crime-figures/${month}`, input);

export const importFiguresCsv = (stationId: string, csv: string, reason?: string) =>
  api<ImportResult>(
    'POST',
    `/api/stations/${enc(stationId)}/crime-figures/import${reason ? `?reason=${enc(reason)}` : ''}`,
    new CsvBody(csv),
  );

/**
 * The dashboard's content as the server renders it (`?fragment=1`), so the PWA shows exactly
 * the page a browser without scripts gets.
 */
export async function getStatsFragment(pathAndQuery: string): Promise<string> {
  const separator = pathAndQuery.includes('?') ? '&' : '?';
  let response: Response;
  try {
    response = await fetch(`${pathAndQuery}${separator}fragment=1`, {
      headers: { accept: 'text/html', 'accept-language': getLocale() },
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '');
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => undefined)) as
      { error?: { code: string; message: string } } | undefined;
    throw new ApiError(
      response.status,
      payload?.error?.code ?? 'internal',
      payload?.error?.message ?? '',
    );
  }
  return response.text();
}
