import { useState } from 'preact/hooks';
import { CreateContestBody, type ContestPhases } from '../../../../common/api/contests.js';
import { localToInstant, stationZone } from '../../../../common/domain/posts.js';
import { ErrorNote, Field } from '../../../components/ui.js';
import { useForm } from '../../../components/use-form.js';
import { useI18n } from '../../../i18n/i18n.js';
import { createContest } from '../api.js';
import { CONTESTS_NAMESPACES, TextArea } from '../ContestParts.js';

// Stations carry no time zone yet: dates are typed and shown in WIB, as everywhere else.
const TIMEZONE = 'Asia/Jakarta';
const DAY_MS = 24 * 60 * 60_000;
const PHASE_FIELDS = [
  'submissionStartsAt',
  'submissionEndsAt',
  'votingStartsAt',
  'votingEndsAt',
  'judgingEndsAt',
] as const satisfies readonly (keyof ContestPhases)[];
/** Days from now each date starts at: a week to send, a day to review, a week each after. */
const DEFAULT_DAYS = [0, 7, 8, 15, 22];

/** An instant as a `datetime-local` value in the station's zone. */
function toLocalInput(ms: number): string {
  const { offsetHours } = stationZone(TIMEZONE);
  return new Date(ms + offsetHours * 3_600_000).toISOString().slice(0, 16);
}

interface CriterionInput {
  name: string;
  weight: string;
}

/** Every field of the contest contract; weights and phases are fixed once created. */
export function ContestSetup(props: {
  stationId: string;
  onCreated: (id: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n(CONTESTS_NAMESPACES);
  const form = useForm(t);
  const [title, setTitle] = useState('');
  const [rules, setRules] = useState('');
  const [prizes, setPrizes] = useState('');
  const [categories, setCategories] = useState('');
  const [votesPerAccount, setVotesPerAccount] = useState('3');
  const [showVoteCounts, setShowVoteCounts] = useState(false);
  const [juryWeight, setJuryWeight] = useState('0.6');
  const [publicWeight, setPublicWeight] = useState('0.4');
  const [residentsOnly, setResidentsOnly] = useState(false);
  const [allowMultipleEntries, setAllowMultipleEntries] = useState(false);
  const [minAccountAgeDays, setMinAccountAgeDays] = useState('0');
  const [criteria, setCriteria] = useState<CriterionInput[]>([{ name: '', weight: '1' }]);
  const [dates, setDates] = useState<Record<(typeof PHASE_FIELDS)[number], string>>(() => {
    const now = Date.now();
    return Object.fromEntries(
      PHASE_FIELDS.map((field, i) => [field, toLocalInput(now + (DEFAULT_DAYS[i] ?? 0) * DAY_MS)]),
    ) as Record<(typeof PHASE_FIELDS)[number], string>;
  });
  const zone = stationZone(TIMEZONE).label;
  const body = (): CreateContestBody => ({
    stationId: props.stationId,
    title: title.trim(),
    rules: rules.trim(),
    votesPerAccount: Number(votesPerAccount),
    showVoteCounts,
    juryWeight: Number(juryWeight),
    publicWeight: Number(publicWeight),
    criteria: criteria.map((c) => ({ name: c.name.trim(), weight: Number(c.weight) })),
    phases: Object.fromEntries(
      PHASE_FIELDS.map((field) => [
        field,
        dates[field] ? localToInstant(dates[field], TIMEZONE) : '',
      ]),
    ) as ContestPhases,
    categories: categories
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
    ...(prizes.trim() ? { prizes: prizes.trim() } : {}),
    residentsOnly,
    allowMultipleEntries,
    minAccountAgeDays: Number(minAccountAgeDays),
  });
  const save = (event: Event) => {
    const value = body();
    return form.submit(
      event,
      async () => {
        const created = await createContest(value);
        props.onCreated(created.id);
      },
      { schema: CreateContestBody, value },
    );
  };
  const setCriterion = (index: number, change: Partial<CriterionInput>) =>
    setCriteria((current) => current.map((c, i) => (i === index ? { ...c, ...change } : c)));
  const error = (field: string) => form.fields[field];
  return (
    <form class="form card contest-setup" onSubmit={(e) => void save(e)}>
      <h3>{t('contests.setup.title')}</h3>
      <ErrorNote error={form.error} />
      <Field
        label={t('contests.setup.field_title')}
        name="title"
        value={title}
        onInput={setTitle}
        required
        error={error('title')}
      />
      <TextArea
        id="rules"
        label={t('contests.setup.rules')}
        value={rules}
        onInput={setRules}
        error={error('rules')}
        required
      />
      <TextArea
        id="prizes"
        label={t('contests.setup.prizes')}
        value={prizes}
        onInput={setPrizes}
        error={error('prizes')}
      />
      <Field
        label={t('contests.setup.categories')}
        name="categories"
        value={categories}
        onInput={setCategories}
        hint={t('contests.setup.categories_hint')}
        error={error('categories')}
      />
      <Field
        label={t('contests.setup.votes_per_account')}
        name="votesPerAccount"
        type="number"
        inputMode="numeric"
        value={votesPerAccount}
        onInput={setVotesPerAccount}
        error={error('votesPerAccount')}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={showVoteCounts}
          onChange={(e) => setShowVoteCounts(e.currentTarget.checked)}
        />
        {t('contests.setup.show_vote_counts')}
      </label>
      <fieldset class="contest-weights-input">
        <legend>{t('contests.setup.weights')}</legend>
        <Field
          label={t('contests.setup.jury_weight')}
          name="juryWeight"
          type="number"
          step="any"
          value={juryWeight}
          onInput={setJuryWeight}
          error={error('juryWeight')}
        />
        <Field
          label={t('contests.setup.public_weight')}
          name="publicWeight"
          type="number"
          step="any"
          value={publicWeight}
          onInput={setPublicWeight}
          hint={t('contests.setup.weights_hint')}
          error={error('publicWeight')}
        />
      </fieldset>
      <fieldset class="contest-criteria-input">
        <legend>{t('contests.setup.criteria')}</legend>
        {criteria.map((criterion, index) => (
          <div key={index} class="contest-criterion-row">
            <Field
              label={t('contests.setup.criterion_name', { n: index + 1 })}
              name={`criteria.${index}.name`}
              value={criterion.name}
              onInput={(name) => setCriterion(index, { name })}
              error={error(`criteria.${index}.name`)}
            />
            <Field
              label={t('contests.setup.criterion_weight', { n: index + 1 })}
              name={`criteria.${index}.weight`}
              type="number"
              step="any"
              value={criterion.weight}
              onInput={(weight) => setCriterion(index, { weight })}
              error={error(`criteria.${index}.weight`)}
            />
            {criteria.length > 1 && (
              <button
                type="button"
                class="button button-small button-secondary"
                onClick={() => setCriteria((current) => current.filter((_, i) => i !== index))}
              >
                {t('contests.setup.criterion_remove')}
              </button>
            )}
          </div>
        ))}
        {error('criteria') && <small class="field-error">{error('criteria')}</small>}
        <button
          type="button"
          class="button button-small button-secondary"
          onClick={() => setCriteria((current) => [...current, { name: '', weight: '1' }])}
        >
          {t('contests.setup.criterion_add')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('contests.setup.phases', { zone })}</legend>
        {PHASE_FIELDS.map((field) => (
          <Field
            key={field}
            label={t(`contests.setup.${field}`)}
            name={`phases.${field}`}
            type="datetime-local"
            value={dates[field]}
            onInput={(value) => setDates((current) => ({ ...current, [field]: value }))}
            error={
              error(`phases.${field}`) ??
              (field === 'submissionStartsAt' ? error('phases') : undefined)
            }
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('contests.setup.eligibility')}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={residentsOnly}
            onChange={(e) => setResidentsOnly(e.currentTarget.checked)}
          />
          {t('contests.setup.residents_only')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={allowMultipleEntries}
            onChange={(e) => setAllowMultipleEntries(e.currentTarget.checked)}
          />
          {t('contests.setup.allow_multiple')}
        </label>
        <Field
          label={t('contests.setup.min_age')}
          name="minAccountAgeDays"
          type="number"
          inputMode="numeric"
          value={minAccountAgeDays}
          onInput={setMinAccountAgeDays}
          error={error('minAccountAgeDays')}
        />
      </fieldset>
      <div class="actions">
        <button type="submit" class="button" disabled={form.isBusy}>
          {t('contests.setup.create')}
        </button>
        <button type="button" class="button button-secondary" onClick={props.onClose}>
          {t('contests.setup.cancel')}
        </button>
      </div>
    </form>
  );
}
