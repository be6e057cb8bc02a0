import { useState } from 'preact/hooks';
import {
  FACTCHECK_DRAFT_ROLES,
  FACTCHECK_PUBLISH_ROLES,
} from '../../../../common/domain/factcheck.js';
import { Confirm, ErrorNote, Field, Skeleton } from '../../../components/ui.js';
import { useLoad } from '../../../components/use-load.js';
import { useI18n } from '../../../i18n/i18n.js';
import {
  getClarification,
  listVerdicts,
  removeClarificationDocument,
  reviseClarification,
  uploadClarificationDocument,
  withdrawClarification,
  type ClarificationView,
} from '../api.js';
import { CorrectionHistory, DocumentList } from '../ClarificationRecord.js';
import { FACTCHECK_NAMESPACES, VerdictStamp } from '../Verdict.js';

/** Whether the roles held include one the server's policy allows (a platform admin: all). */
const holdsAny = (roles: readonly string[], allowed: readonly string[]) =>
  roles.some((role) => role === 'platform_admin' || allowed.includes(role));

/**
 * One clarification after it was written: its evidence (officers add and remove documents), and
 * for editors "Koreksi" (a public note says what changed) and "Tarik" (with a reason).
 */
export function ClarificationManager(props: {
  id: string;
  roles: readonly string[];
  onBack: () => void;
}) {
  const { t } = useI18n(FACTCHECK_NAMESPACES);
  const loaded = useLoad(() => getClarification(props.id), props.id);
  const [isCorrecting, setCorrecting] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const view = loaded.data;
  const mayDraft = holdsAny(props.roles, FACTCHECK_DRAFT_ROLES);
  const mayPublish = holdsAny(props.roles, FACTCHECK_PUBLISH_ROLES);
  const changed = (message: string) => {
    setDone(message);
    setCorrecting(false);
    loaded.reload();
  };
  return (
    <section class="clarification-manager">
      <button type="button" class="button button-secondary" onClick={props.onBack}>
        {t('factcheck.web.console.back')}
      </button>
      <ErrorNote error={loaded.error} />
      {!view && loaded.isLoading && <Skeleton />}
      {view && (
        <>
          <p>
            <VerdictStamp verdict={view.verdict} />{' '}
            <span class="status-label">{t(`factcheck.web.console.state_${view.status}`)}</span>
          </p>
          <h2>{view.title}</h2>
          <p>
            <a href={`/k/${encodeURIComponent(view.id)}`}>{t('factcheck.web.console.open_page')}</a>
          </p>
          {done && (
            <p class="note note-success" role="status">
              {done}
            </p>
          )}
          {view.status === 'withdrawn' && (
            <p class="factcheck-withdrawn">
              {t('factcheck.page.withdrawn')}{' '}
              {view.withdrawnReason &&
                t('factcheck.page.withdrawn_reason', { reason: view.withdrawnReason })}
            </p>
          )}
          {isCorrecting ? (
            <CorrectionForm
              view={view}
              onCancel={() => setCorrecting(false)}
              onDone={() => changed(t('factcheck.web.console.corrected'))}
            />
          ) : (
            view.status === 'published' &&
            (mayPublish ? (
              <div class="clarification-actions">
                <button type="button" class="button" onClick={() => setCorrecting(true)}>
                  {t('factcheck.web.console.correct')}
                </button>
                <WithdrawForm
                  id={view.id}
                  onDone={() => changed(t('factcheck.web.console.withdrawn'))}
                />
              </div>
            ) : (
              <p class="meta">{t('factcheck.web.console.editors_only')}</p>
            ))
          )}
          <Documents view={view} mayEdit={mayDraft} onChanged={loaded.reload} />
          <CorrectionHistory corrections={view.corrections} />
        </>
      )}
    </section>
  );
}

/** What an editor may correct, with the note the public page shows beside the change. */
function CorrectionForm(props: {
  view: ClarificationView;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n(FACTCHECK_NAMESPACES);
  const verdicts = useLoad(listVerdicts, 'verdicts');
  const [title, setTitle] = useState(props.view.title);
  const [claim, setClaim] = useState(props.view.claim);
  const [verdict, setVerdict] = useState(props.view.verdict);
  const [explanation, setExplanation] = useState(props.view.explanation);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const { view } = props;
      // Only what changed: the server names those fields in the public history.
      await reviseClarification(view.id, {
        ...(title !== view.title ? { title } : {}),
        ...(claim !== view.claim ? { claim } : {}),
        ...(verdict !== view.verdict ? { verdict } : {}),
        ...(explanation !== view.explanation ? { explanation } : {}),
        note,
      });
      props.onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="correction-form" onSubmit={(event) => void submit(event)}>
      <h3>{t('factcheck.web.console.correct')}</h3>
      <Field
        name="correct-title"
        label={t('factcheck.web.console.title_label')}
        value={title}
        onInput={setTitle}
        required
      />
      <div class="field">
        <label for="f-correct-claim">{t('factcheck.web.console.claim_label')}</label>
        <textarea
          id="f-correct-claim"
          rows={3}
          value={claim}
          onInput={(e) => setClaim(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="f-correct-verdict">{t('factcheck.web.console.verdict_label')}</label>
        <select
          id="f-correct-verdict"
          value={verdict}
          onChange={(e) => setVerdict(e.currentTarget.value)}
        >
          {[...new Set([verdict, ...(verdicts.data?.verdicts ?? [])])].map((label) => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-correct-explanation">{t('factcheck.web.console.explanation_label')}</label>
        <textarea
          id="f-correct-explanation"
          rows={6}
          value={explanation}
          onInput={(e) => setExplanation(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="f-correct-note">{t('factcheck.web.console.note_label')}</label>
        <textarea
          id="f-correct-note"
          rows={2}
          required
          aria-describedby="f-correct-note-hint"
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        <small id="f-correct-note-hint" class="hint">
          {t('factcheck.web.console.note_hint')}
        </small>
      </div>
      <ErrorNote error={error} />
      <span class="actions">
        <button type="submit" class="button" disabled={isBusy}>
          {t('factcheck.web.console.publish_correction')}
        </button>
        <button type="button" class="button button-secondary" onClick={props.onCancel}>
          {t('web.action.cancel')}
        </button>
      </span>
    </form>
  );
}

/** The reason first, then a question before the page says "ditarik". */
function WithdrawForm(props: { id: string; onDone: () => void }) {
  const { t } = useI18n(FACTCHECK_NAMESPACES);
  const [reason, setReason] = useState('');
  return (
    <div class="withdraw-form">
      <div class="field">
        <label for="f-withdraw-reason">{t('factcheck.web.console.reason_label')}</label>
        <textarea
          id="f-withdraw-reason"
          rows={2}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </div>
      <Confirm
        label={t('factcheck.web.console.withdraw')}
        question={t('factcheck.web.console.withdraw_confirm')}
        yes={t('factcheck.web.console.withdraw_yes')}
        onConfirm={async () => {
          await withdrawClarification(props.id, reason);
          props.onDone();
        }}
      />
    </div>
  );
}

/** The evidence: a download each; officers add a PDF or a picture and remove one. */
function Documents(props: { view: ClarificationView; mayEdit: boolean; onChanged: () => void }) {
  const { t } = useI18n(FACTCHECK_NAMESPACES);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const mayEdit = props.mayEdit && props.view.status !== 'withdrawn';
  const upload = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      await uploadClarificationDocument(props.view.id, file);
      setFile(null);
      setInputKey((key) => key + 1);
      props.onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="clarification-documents">
      <h3>{t('factcheck.page.documents')}</h3>
      {props.view.documents.length === 0 && (
        <p class="meta">{t('factcheck.web.console.no_documents')}</p>
      )}
      <DocumentList
        documents={props.view.documents}
        action={(document) =>
          mayEdit && (
            <Confirm
              label={t('factcheck.web.console.remove_document')}
              question={t('factcheck.web.console.remove_document_confirm', { name: document.name })}
              yes={t('factcheck.web.console.remove_document_yes')}
              onConfirm={async () => {
                await removeClarificationDocument(props.view.id, document.id);
                props.onChanged();
              }}
            />
          )
        }
      />
      {mayEdit && (
        <form class="document-upload" onSubmit={(event) => void upload(event)}>
          <div class="field">
            <label for="f-document">{t('factcheck.web.console.document_label')}</label>
            <input
              key={inputKey}
              id="f-document"
              type="file"
              accept="application/pdf,image/*"
              aria-describedby="f-document-hint"
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
            <small id="f-document-hint" class="hint">
              {t('factcheck.web.console.document_hint')}
            </small>
          </div>
          <ErrorNote error={error} />
          <button type="submit" class="button" disabled={!file || isBusy}>
            {t('factcheck.web.console.upload_document')}
          </button>
        </form>
      )}
    </section>
  );
}
