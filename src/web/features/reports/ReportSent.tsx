import { useState } from 'preact/hooks';
import { Page } from '../../components/ui.js';
import { useI18n, type Translate } from '../../i18n/i18n.js';
import { NAMESPACES, trackUrl } from './shared.js';
import { useOutbox } from './use-outbox.js';

/** What the confirmation needs: from the server's answer, or from a handle the outbox kept. */
export interface SentReport {
  trackingCode: string;
  secret: string;
  stationName?: string | undefined;
}

/** Shown when a report waits in the outbox; turns into the confirmation once it is sent. */
export function QueuedReport({ idempotencyKey }: { idempotencyKey: string }) {
  const { t } = useI18n(NAMESPACES);
  const { handles } = useOutbox();
  const handle = handles.find((h) => h.idempotencyKey === idempotencyKey);
  if (handle)
    return (
      <ReportSent
        report={{
          trackingCode: handle.code,
          secret: handle.secret,
          stationName: handle.stationName,
        }}
      />
    );
  return (
    <Page title={t('reports.queued.title')}>
      <p class="note report-waiting" role="status">
        <span class="tag tag-waiting">{t('reports.queued.badge')}</span> {t('reports.queued.text')}
      </p>
      <a class="button button-secondary" href="/lapor/lacak">
        {t('reports.track.mine')}
      </a>
    </Page>
  );
}

export function ReportSent({ report }: { report: SentReport }) {
  const { t } = useI18n(NAMESPACES);
  const [copied, setCopied] = useState<'code' | 'secret' | null>(null);
  const copy = (what: 'code' | 'secret') =>
    navigator.clipboard.writeText(what === 'code' ? report.trackingCode : report.secret).then(
      () => setCopied(what),
      () => undefined,
    );
  return (
    <Page title={t('reports.sent.title')}>
      <p>
        {report.stationName
          ? t('reports.sent.text', { station: report.stationName })
          : t('reports.sent.text_later')}
      </p>
      <p class="muted">{t('reports.sent.code_label')}</p>
      <p class="tracking-code" data-testid="tracking-code">
        {report.trackingCode}
      </p>
      <button
        type="button"
        class="button button-small button-secondary"
        onClick={() => void copy('code')}
      >
        {copied === 'code' ? t('reports.sent.copied') : t('reports.sent.copy')}
      </button>
      <p class="muted">{t('reports.sent.secret_label')}</p>
      <p class="tracking-code" data-testid="tracking-secret">
        {report.secret}
      </p>
      <button
        type="button"
        class="button button-small button-secondary"
        onClick={() => void copy('secret')}
      >
        {copied === 'secret' ? t('reports.sent.copied') : t('reports.sent.copy_secret')}
      </button>
      <span class="actions report-sent-actions">
        <button
          type="button"
          class="button button-secondary"
          onClick={() => saveAsImage(t, report)}
        >
          {t('reports.sent.save_image')}
        </button>
        <a class="button" href={trackUrl(report.trackingCode)}>
          {t('reports.sent.track')}
        </a>
      </span>
    </Page>
  );
}

/** Draws the code and secret on a canvas and downloads it as a PNG (a photo is easy to keep). */
function saveAsImage(t: Translate, report: SentReport): void {
  const canvas = document.createElement('canvas');
  canvas.width = 720;
  canvas.height = 480;
  const g = canvas.getContext('2d');
  if (!g) return;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#0b3d91';
  g.fillRect(0, 0, canvas.width, 88);
  g.fillStyle = '#ffffff';
  g.font = 'bold 40px system-ui, sans-serif';
  g.fillText(t('reports.sent.image_title'), 32, 58);
  g.fillStyle = '#1a1a1a';
  g.font = '24px system-ui, sans-serif';
  g.fillText(t('reports.track.code'), 32, 140);
  g.fillText(t('reports.track.secret'), 32, 270);
  g.font = 'bold 40px ui-monospace, monospace';
  g.fillText(report.trackingCode, 32, 200);
  g.fillText(report.secret, 32, 330);
  g.fillStyle = '#5a5f66';
  g.font = '22px system-ui, sans-serif';
  g.fillText(t('reports.sent.image_note'), 32, 400);
  g.fillText(new Date().toLocaleString(document.documentElement.lang || 'id'), 32, 440);
  const link = document.createElement('a');
  link.download = `siaga-${report.trackingCode}.png`;
  link.href = canvas.toDataURL('image/png');
  link.click();
}
