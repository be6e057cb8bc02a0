import { formatDateTime } from '../../../../common/i18n/format.js';
import { ErrorNote, labelOf, Skeleton } from '../../../components/ui.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/i18n.js';
import type { ConsoleSectionProps } from '../../feature.js';
import { auditTargetLinks } from '../../../feature-registry.js';
import type { AuditEntryView } from '../../../../common/api/audit.js';
import { listAudit } from '../api.js';

/** `/konsol/audit`: the station's audit log, newest first. */
export function ConsoleAudit({ station }: ConsoleSectionProps) {
  const stationId = station.id;
  const { t, locale } = useI18n();
  const audit = useLoad(() => listAudit(stationId), stationId);
  return (
    <>
      <h2>{t('web.console.nav.audit')}</h2>
      <ErrorNote error={audit.error} />
      {audit.isLoading && !audit.data && <Skeleton />}
      {audit.data?.items.length === 0 && <p class="muted">{t('web.console.audit.empty')}</p>}
      <ol class="list audit">
        {audit.data?.items.map((entry) => (
          <li key={entry.seq}>
            <span class="muted">{formatDateTime(entry.at, locale)}</span> {entry.actorName}:{' '}
            <AuditAction entry={entry} label={labelOf(t, 'web.audit.action.', entry.action)} />
          </li>
        ))}
      </ol>
    </>
  );
}

/** The action, as a link to what it concerns where that has a page. */
function AuditAction({ entry, label }: { entry: AuditEntryView; label: string }) {
  const link = entry.target.id ? auditTargetLinks[entry.target.type]?.(entry.target.id) : undefined;
  return link ? <a href={link}>{label}</a> : <>{label}</>;
}
