import { useRoute } from 'preact-iso';
import { ErrorNote, Page, Skeleton } from '../../components/ui.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { getClarification } from './api.js';
import { CorrectionHistory, DocumentList } from './ClarificationRecord.js';
import { ClarificationAnswer, FACTCHECK_NAMESPACES } from './Verdict.js';

/** /k/:id once the PWA takes over the server-rendered page. */
export function ClarificationPage() {
  const { t } = useI18n(FACTCHECK_NAMESPACES);
  const { params } = useRoute();
  const id = params.id ?? '';
  const loaded = useLoad(() => getClarification(id), id);
  return (
    <Page title={t('factcheck.web.list_title')}>
      {loaded.error !== undefined && <ErrorNote error={loaded.error} />}
      {loaded.isLoading && !loaded.data && <Skeleton />}
      {loaded.data && (
        <>
          {loaded.data.status === 'withdrawn' && (
            <p class="factcheck-withdrawn">
              {t('factcheck.page.withdrawn')}{' '}
              {loaded.data.withdrawnReason &&
                t('factcheck.page.withdrawn_reason', { reason: loaded.data.withdrawnReason })}
            </p>
          )}
          <ClarificationAnswer view={loaded.data} />
          <h2>{t('factcheck.page.claim')}</h2>
          <blockquote class="factcheck-claim">{loaded.data.claim}</blockquote>
          {loaded.data.documents.length > 0 && (
            <section class="clarification-documents">
              <h2>{t('factcheck.page.documents')}</h2>
              <DocumentList documents={loaded.data.documents} />
            </section>
          )}
          <CorrectionHistory corrections={loaded.data.corrections} />
        </>
      )}
    </Page>
  );
}
