import { useState } from 'preact/hooks';
import {
  ALERT_CATEGORIES,
  ALERT_CERTAINTIES,
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  ALERT_URGENCIES,
} from '../../../../common/domain/alerts.js';
import type { AlertDraftContent, AlertDraftView } from '../../../../common/api/alerts.js';
import type {
  AlertPreview,
  AlertTargetInput,
  IssueAlertBody,
  StationListItem,
} from '../../../api/types.js';
import { fromWallTime, toWallTime } from '../../../../common/domain/zoned-time.js';
import { Confirm, ErrorNote, Field } from '../../../components/ui.js';
import { useForm } from '../../../components/use-form.js';
import { alertQueries, queryClient } from '../../../query/query.js';
import { useI18n } from '../../../i18n/i18n.js';
import {
  discardAlertDraft,
  issueAlert,
  issueAlertDraft,
  previewAlert,
  saveAlertDraft,
} from '../api.js';
import { checkAlertContent, type Problem } from './check.js';
import { Select, TextArea, ZonedDateTime } from './fields.js';
import { NAMESPACES, reachText, targetText, tk } from './shared.js';
import { TargetEditor } from './TargetEditor.js';
import { useTarget } from './use-target.js';

interface Content {
  title: string;
  body: string;
  /** '' until the officer chooses: no category is assumed for them. */
  category: IssueAlertBody['category'] | '';
  severity: IssueAlertBody['severity'];
  urgency: IssueAlertBody['urgency'];
  certainty: IssueAlertBody['certainty'];
  instruction: string;
  expiresAt: string;
  status: NonNullable<IssueAlertBody['status']>;
  titleEn: string;
  bodyEn: string;
  instructionEn: string;
  describesSuspect: boolean;
}

/** The fields holding a CAP code, each with its own catalog of labels. */
type CapField = 'severity' | 'urgency' | 'certainty' | 'status';

const EMPTY: Content = {
  title: '',
  body: '',
  category: '',
  severity: 'Moderate',
  urgency: 'Expected',
  certainty: 'Likely',
  instruction: '',
  expiresAt: '',
  status: 'Actual',
  titleEn: '',
  bodyEn: '',
  instructionEn: '',
  describesSuspect: false,
};

/** Optional texts are left out when empty, so the server's length rules do not trip on "". */
function toDraftContent(
  timeZone: string,
  c: Content & { category: IssueAlertBody['category'] },
  target: AlertTargetInput,
): AlertDraftContent {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const body: AlertDraftContent = {
    title: c.title.trim(),
    body: c.body.trim(),
    category: c.category,
    severity: c.severity,
    urgency: c.urgency,
    certainty: c.certainty,
    status: c.status,
    describesSuspect: c.describesSuspect,
    target,
  };
  const texts = {
    instruction: optional(c.instruction),
    titleEn: optional(c.titleEn),
    bodyEn: optional(c.bodyEn),
    instructionEn: optional(c.instructionEn),
    // The officer picks the station's wall time (WITA for a Makassar station), not the browser's.
    expiresAt: fromWallTime(c.expiresAt, timeZone),
  };
  for (const [key, value] of Object.entries(texts))
    if (value) Object.assign(body, { [key]: value });
  return body;
}

/** The composer's fields from a stored draft (e.g. made from a cluster of reports). */
function contentOf(draft: AlertDraftView | undefined, timeZone: string): Content {
  if (!draft) return EMPTY;
  const { content } = draft;
  return {
    ...EMPTY,
    title: content.title,
    body: content.body,
    category: content.category,
    severity: content.severity,
    urgency: content.urgency,
    certainty: content.certainty,
    instruction: content.instruction ?? '',
    expiresAt: content.expiresAt ? toWallTime(content.expiresAt, timeZone) : '',
    status: content.status ?? 'Actual',
    titleEn: content.titleEn ?? '',
    bodyEn: content.bodyEn ?? '',
    instructionEn: content.instructionEn ?? '',
    describesSuspect: content.describesSuspect ?? false,
  };
}

const go = (path: string) => {
  history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
};

/**
 * A new alert, or a stored draft to edit, keep, discard or issue: content, target, reach
 * preview and a confirmation before it goes out.
 */
export function Composer({ station, draft }: { station: StationListItem; draft?: AlertDraftView }) {
  const { t } = useI18n(NAMESPACES);
  const form = useForm(t);
  const [content, setContent] = useState<Content>(() => contentOf(draft, station.timezone));
  const [isSaved, setSaved] = useState(false);
  const set =
    <K extends keyof Content>(key: K) =>
    (value: Content[K]) => {
      setSaved(false);
      setContent((c) => ({ ...c, [key]: value }));
    };
  const target = useTarget(draft?.areas, draft?.content.target);
  const [preview, setPreview] = useState<AlertPreview | null>(null);
  const [isConfirming, setConfirming] = useState(false);
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const problemText = (field: string) => {
    const problem = problems[field];
    return problem ? t(problem.key, problem.params) : undefined;
  };
  const category = content.category;
  const isComplete = Object.keys(checkAlertContent(content)).length === 0;

  const onPreview = (event: Event) =>
    form.submit(event, async () => {
      setPreview(await previewAlert(station.id, target.input));
    });
  const onAskToSend = (event: Event) =>
    form.submit(event, async () => {
      const found = checkAlertContent(content);
      setProblems(found);
      if (Object.keys(found).length > 0) return;
      // The reach shown in the dialog is of the target as it is now.
      setPreview(await previewAlert(station.id, target.input));
      setConfirming(true);
    });
  const onSend = (event: Event) =>
    form.submit(event, async () => {
      setConfirming(false);
      if (category === '') return;
      const body = toDraftContent(station.timezone, { ...content, category }, target.input);
      // A draft is issued for its own station (it may be one below the console's).
      const alert = draft
        ? await issueAlertDraft(draft.id, body)
        : await issueAlert({ ...body, stationId: station.id });
      void queryClient.invalidateQueries({ queryKey: alertQueries });
      go(`/konsol/peringatan/${alert.id}`);
    });
  const onSaveDraft = (event: Event) =>
    form.submit(event, async () => {
      const found = checkAlertContent(content);
      setProblems(found);
      if (!draft || category === '' || Object.keys(found).length > 0) return;
      await saveAlertDraft(
        draft.id,
        toDraftContent(station.timezone, { ...content, category }, target.input),
      );
      void queryClient.invalidateQueries({ queryKey: alertQueries });
      setSaved(true);
    });
  const onDiscardDraft = async () => {
    if (!draft) return;
    await discardAlertDraft(draft.id);
    void queryClient.invalidateQueries({ queryKey: alertQueries });
    go('/konsol/peringatan');
  };

  const f = form.fields;
  /** A CAP code chosen from its closed list, labelled from `consoleAlerts.<name>.<code>`. */
  const capSelect = <K extends CapField>(name: K, options: readonly Content[K][]) => (
    <Select
      name={name}
      label={t(tk(`consoleAlerts.field.${name}`))}
      value={content[name]}
      options={options}
      labelOf={(v) => t(tk(`consoleAlerts.${name}.${v}`))}
      onChange={set(name)}
    />
  );
  return (
    <form class="form composer" onSubmit={(e) => void onAskToSend(e)} noValidate>
      <a href="/konsol/peringatan">{t('consoleAlerts.back')}</a>
      <h2>{t(draft ? 'consoleAlerts.draft.title' : 'consoleAlerts.new')}</h2>
      {draft && <p class="muted">{t('consoleAlerts.draft.by', { name: draft.authorName })}</p>}
      <ErrorNote error={form.error} />
      {isSaved && (
        <p class="note" role="status">
          {t('consoleAlerts.draft.saved')}
        </p>
      )}
      {Object.keys(problems).length > 0 && (
        <p class="note note-error" role="alert">
          {t('consoleAlerts.check.summary')}
        </p>
      )}
      <Field
        name="title"
        label={t('consoleAlerts.field.title')}
        value={content.title}
        onInput={set('title')}
        error={problemText('title') ?? f.title}
        required
      />
      <TextArea
        name="body"
        label={t('consoleAlerts.field.body')}
        value={content.body}
        onInput={set('body')}
        error={problemText('body') ?? f.body}
      />
      <Select
        name="category"
        label={t('consoleAlerts.field.category')}
        value={content.category}
        options={ALERT_CATEGORIES}
        placeholder={t('consoleAlerts.field.category_placeholder')}
        error={problemText('category') ?? f.category}
        labelOf={(v) => t(tk(`alerts.category.${v}`))}
        onChange={set('category')}
      />
      <div class="row">
        {capSelect('severity', ALERT_SEVERITIES)}
        {capSelect('urgency', ALERT_URGENCIES)}
        {capSelect('certainty', ALERT_CERTAINTIES)}
      </div>
      <TextArea
        name="instruction"
        label={t('consoleAlerts.field.instruction')}
        value={content.instruction}
        onInput={set('instruction')}
        error={f.instruction}
      />
      <ZonedDateTime
        name="expiresAt"
        label={t('consoleAlerts.field.expiresAt')}
        hint={t('consoleAlerts.field.expiresAt_hint')}
        value={content.expiresAt}
        timeZone={station.timezone}
        onInput={set('expiresAt')}
        error={f.expiresAt}
      />
      {capSelect('status', ALERT_STATUSES)}
      <details>
        <summary>{t('consoleAlerts.field.english')}</summary>
        <Field
          name="titleEn"
          label={t('consoleAlerts.field.titleEn')}
          value={content.titleEn}
          onInput={set('titleEn')}
          error={f.titleEn}
        />
        <TextArea
          name="bodyEn"
          label={t('consoleAlerts.field.bodyEn')}
          value={content.bodyEn}
          onInput={set('bodyEn')}
          error={f.bodyEn}
        />
        <TextArea
          name="instructionEn"
          label={t('consoleAlerts.field.instructionEn')}
          value={content.instructionEn}
          onInput={set('instructionEn')}
          error={f.instructionEn}
        />
      </details>
      <div class="field field-check">
        <label>
          <input
            type="checkbox"
            checked={content.describesSuspect}
            aria-describedby="suspect-hint"
            onChange={(e) => set('describesSuspect')(e.currentTarget.checked)}
          />{' '}
          {t('consoleAlerts.field.suspect')}
        </label>
        <small id="suspect-hint" class="hint">
          {t('consoleAlerts.field.suspect_hint')}
        </small>
      </div>

      <TargetEditor station={station} target={target} error={f.target ?? f['target.areas']} />

      {preview && (
        <p class="note" role="status">
          {targetText(t, target.input, preview.areas)} — {reachText(t, preview.reach)}
        </p>
      )}
      <div class="actions">
        <button
          type="button"
          class="button button-secondary"
          onClick={(e) => void onPreview(e)}
          disabled={form.isBusy}
        >
          {t('consoleAlerts.preview')}
        </button>
        <button type="submit" class="button" disabled={form.isBusy}>
          {t('consoleAlerts.send')}
        </button>
      </div>
      {draft && (
        <div class="actions">
          <button
            type="button"
            class="button button-secondary"
            onClick={(e) => void onSaveDraft(e)}
            disabled={form.isBusy}
          >
            {t('consoleAlerts.draft.save')}
          </button>
          <Confirm
            label={t('consoleAlerts.draft.discard')}
            question={t('consoleAlerts.draft.discard_confirm')}
            yes={t('consoleAlerts.draft.discard')}
            onConfirm={onDiscardDraft}
          />
        </div>
      )}

      {isConfirming && preview && isComplete && (
        <div class="dialog-backdrop">
          <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="confirm-title">
            <h2 id="confirm-title">{t('consoleAlerts.confirm.title')}</h2>
            <p>
              <strong>{content.title}</strong>
            </p>
            <p>
              {t('consoleAlerts.detail.target', {
                target: targetText(t, target.input, preview.areas),
              })}
            </p>
            <p>{reachText(t, preview.reach)}</p>
            {content.describesSuspect && <p class="note">{t('consoleAlerts.confirm.pending')}</p>}
            <div class="actions">
              <button
                type="button"
                class="button"
                onClick={(e) => void onSend(e)}
                disabled={form.isBusy}
              >
                {t('consoleAlerts.confirm.yes')}
              </button>
              <button
                type="button"
                class="button button-secondary"
                onClick={() => setConfirming(false)}
              >
                {t('consoleAlerts.confirm.no')}
              </button>
            </div>
          </div>
        </div>
      )}
    </form>
  );
}
