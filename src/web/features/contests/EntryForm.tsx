import { useState } from 'preact/hooks';
import { ErrorNote, Field } from '../../components/ui.js';
import { useForm } from '../../components/use-form.js';
import { useI18n } from '../../i18n/i18n.js';
import { submitEntry, type ContestView } from './api.js';
import { CONTESTS_NAMESPACES, TextArea } from './ContestParts.js';

const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

/**
 * Sends an entry as multipart: images go in `images`, a PDF in `document` (the server refuses
 * a mix, with its own message). The entry waits for moderation before anyone else sees it.
 */
export function EntryForm({ contest, onSent }: { contest: ContestView; onSent: () => void }) {
  const { t } = useI18n(CONTESTS_NAMESPACES);
  const form = useForm(t);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState('');
  const [team, setTeam] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const send = (event: Event) =>
    form.submit(event, async () => {
      const body = new FormData();
      body.append('title', title);
      body.append('description', description);
      if (category) body.append('category', category);
      body.append('teamMembers', team);
      for (const file of files) {
        body.append(file.type === 'application/pdf' ? 'document' : 'images', file);
      }
      await submitEntry(contest.id, body);
      onSent();
    });
  return (
    <form class="form contest-entry-form" onSubmit={(e) => void send(e)}>
      <h2>{t('contests.entry.title')}</h2>
      <ErrorNote error={form.error} />
      <Field
        label={t('contests.entry.field_title')}
        name="title"
        value={title}
        onInput={setTitle}
        required
        error={form.fields.title}
      />
      <TextArea
        id="description"
        label={t('contests.entry.field_description')}
        value={description}
        onInput={setDescription}
        error={form.fields.description}
        required
        rows={5}
      />
      {contest.categories.length > 0 && (
        <div class="field">
          <label for="f-category">{t('contests.entry.field_category')}</label>
          <select
            id="f-category"
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
          >
            <option value="">{t('contests.entry.category_none')}</option>
            {contest.categories.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      )}
      <TextArea
        id="team"
        label={t('contests.entry.field_team')}
        value={team}
        onInput={setTeam}
        hint={t('contests.entry.team_hint')}
        error={form.fields.teamMembers}
        rows={3}
      />
      <div class="field">
        <label for="f-files">{t('contests.entry.field_files')}</label>
        <input
          id="f-files"
          type="file"
          accept={ACCEPT}
          multiple
          aria-describedby="f-files-hint"
          onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])}
        />
        <small id="f-files-hint" class="hint">
          {t('contests.entry.files_hint')}
        </small>
        {(form.fields.images ?? form.fields.document) && (
          <small class="field-error">{form.fields.images ?? form.fields.document}</small>
        )}
      </div>
      <button type="submit" class="button" disabled={form.isBusy}>
        {t('contests.entry.send')}
      </button>
    </form>
  );
}
