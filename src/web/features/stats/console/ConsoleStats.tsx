import { useState } from 'preact/hooks';
import type { CsvProblem } from '../../../../common/api/stats.js';
import { crimeCategoryLabel as categoryLabel } from '../../../../common/domain/stats.js';
import { ApiError } from '../../../api/client.js';
import { ErrorNote, Skeleton } from '../../../components/ui.js';
import { useForm } from '../../../components/use-form.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/i18n.js';
import { getStationStats, importFiguresCsv, putMonthFigures } from '../stats-api.js';

/** `/konsol/statistik`: the station's monthly figures by hand, or a whole CSV at once. */
export function ConsoleStats({ station }: { station: { id: string; slug: string } }) {
  const { t } = useI18n();
  // The summary lists every category this deployment counts, in its order.
  const stats = useLoad(() => getStationStats(station.slug), station.slug);
  return (
    <>
      <h2>{t('stats.console.nav')}</h2>
      <p>
        <a href={`/statistik/${station.slug}`}>{t('stats.console.public_page')}</a>
      </p>
      <ErrorNote error={stats.error} />
      {stats.isLoading && !stats.data && <Skeleton />}
      {stats.data && (
        <MonthEntry
          stationId={station.id}
          categories={stats.data.byCategory.map((c) => c.category)}
          defaultMonth={stats.data.to}
        />
      )}
      <CsvImport stationId={station.id} />
    </>
  );
}

function MonthEntry(props: { stationId: string; categories: string[]; defaultMonth: string }) {
  const { t } = useI18n();
  const form = useForm(t);
  const [month, setMonth] = useState(props.defaultMonth);
  const [reason, setReason] = useState('');
  const [values, setValues] = useState<Record<string, { total: string; cleared: string }>>({});
  const [done, setDone] = useState('');
  const valueOf = (category: string) => values[category] ?? { total: '0', cleared: '0' };
  const set = (category: string, field: 'total' | 'cleared', value: string) =>
    setValues({ ...values, [category]: { ...valueOf(category), [field]: value } });

  const onSubmit = (event: Event) =>
    form.submit(event, async () => {
      setDone('');
      await putMonthFigures(props.stationId, month, {
        figures: props.categories.map((category) => ({
          category,
          crimeTotal: Number(valueOf(category).total),
          crimeCleared: Number(valueOf(category).cleared),
        })),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      setDone(t('stats.console.published', { month }));
    });

  return (
    <form class="form card" onSubmit={(e) => void onSubmit(e)}>
      <h3>{t('stats.console.entry')}</h3>
      <div class="field">
        <label for="stats-month">{t('stats.console.month')}</label>
        <input
          id="stats-month"
          type="month"
          required
          value={month}
          onInput={(e) => setMonth(e.currentTarget.value)}
        />
      </div>
      <table class="stats-table stats-entry">
        <thead>
          <tr>
            <th scope="col">{t('stats.page.category')}</th>
            <th scope="col">CT</th>
            <th scope="col">CC</th>
          </tr>
        </thead>
        <tbody>
          {props.categories.map((category) => (
            <tr key={category}>
              <th scope="row">{categoryLabel(t, category)}</th>
              {(['total', 'cleared'] as const).map((field) => (
                <td key={field}>
                  <input
                    type="number"
                    min={0}
                    inputMode="numeric"
                    required
                    aria-label={`${categoryLabel(t, category)} ${field === 'total' ? 'CT' : 'CC'}`}
                    value={valueOf(category)[field]}
                    onInput={(e) => set(category, field, e.currentTarget.value)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div class="field">
        <label for="stats-reason">{t('stats.console.reason')}</label>
        <input id="stats-reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        {form.fields.reason && <p class="field-error">{form.fields.reason}</p>}
      </div>
      <ErrorNote error={form.error} />
      {done && (
        <p class="note" role="status">
          {done}
        </p>
      )}
      <button class="button" type="submit" disabled={form.isBusy}>
        {t('stats.console.publish')}
      </button>
    </form>
  );
}

function isCsvProblem(value: unknown): value is CsvProblem {
  const item = value as CsvProblem;
  return typeof item === 'object' && item !== null && typeof item.line === 'number';
}

function CsvImport({ stationId }: { stationId: string }) {
  const { t } = useI18n();
  const form = useForm(t);
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<CsvProblem[]>([]);
  const [done, setDone] = useState('');

  const onSubmit = (event: Event) =>
    form.submit(event, async () => {
      setDone('');
      setProblems([]);
      if (!file) return;
      try {
        const result = await importFiguresCsv(
          stationId,
          await file.text(),
          reason.trim() || undefined,
        );
        setDone(t('stats.console.imported', { count: result.imported }));
      } catch (error) {
        const errors = error instanceof ApiError ? error.details?.errors : undefined;
        if (Array.isArray(errors)) setProblems(errors.filter(isCsvProblem));
        throw error;
      }
    });

  return (
    <form class="form card" onSubmit={(e) => void onSubmit(e)}>
      <h3>{t('stats.console.import')}</h3>
      <p>
        <a href="/api/stats/import-template.csv" download>
          {t('stats.console.template')}
        </a>
      </p>
      <div class="field">
        <label for="stats-csv">{t('stats.console.import_file')}</label>
        <input
          id="stats-csv"
          type="file"
          accept=".csv,text/csv"
          required
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
      </div>
      <div class="field">
        <label for="stats-import-reason">{t('stats.console.reason')}</label>
        <input
          id="stats-import-reason"
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </div>
      <ErrorNote error={form.error} />
      {problems.length > 0 && (
        <ul class="note note-error stats-problems">
          {problems.map((p) => (
            <li key={`${p.line}-${p.field}`}>
              {t('stats.console.line', { line: p.line, field: p.field, message: p.message })}
            </li>
          ))}
        </ul>
      )}
      {done && (
        <p class="note" role="status">
          {done}
        </p>
      )}
      <button class="button" type="submit" disabled={form.isBusy}>
        {t('stats.console.import')}
      </button>
    </form>
  );
}
