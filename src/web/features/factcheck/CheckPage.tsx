import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ErrorNote, Page } from '../../components/ui.js';
import { useI18n } from '../../i18n/i18n.js';
import {
  checkMessage,
  getClarification,
  listStationsForTips,
  rememberTip,
  sendTip,
  type ClarificationView,
  type SubmittedTip,
} from './api.js';
import { ClarificationAnswer, FACTCHECK_NAMESPACES } from './Verdict.js';
import { readSharedItem } from './shared-item.js';

type Outcome =
  | { kind: 'answer'; view: ClarificationView }
  | { kind: 'none'; titles: Array<{ id: string; title: string; verdict: string }> };

/**
 * Paste a forward (or receive one from the share sheet), get the station's answer; when nothing
 * confident matches, send it to the station as a tip.
 */
export function CheckPage() {
  const { t } = useI18n(FACTCHECK_NAMESPACES);
  const { query } = useLocation();
  const [text, setText] = useState(query.text ?? '');
  const [image, setImage] = useState<File | undefined>(undefined);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // "Bagikan → Siaga": the service worker kept what was shared; pick it up once.
  useEffect(() => {
    if (query.shared === undefined) return;
    void readSharedItem().then((item) => {
      if (!item) return;
      if (item.text) setText(item.text);
      if (item.image) setImage(item.image);
    });
  }, []);

  const check = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const result = await checkMessage(text.trim(), image);
      const best = result.candidates[0];
      setOutcome(
        best?.confident
          ? { kind: 'answer', view: await getClarification(best.clarificationId) }
          : {
              kind: 'none',
              titles: result.candidates.slice(0, 3).map((candidate) => ({
                id: candidate.clarificationId,
                title: candidate.title,
                verdict: candidate.verdict,
              })),
            },
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('factcheck.web.check_title')}>
      <p>{t('factcheck.web.check_intro')}</p>
      <form class="factcheck-form" onSubmit={(event) => void check(event)}>
        <div class="field">
          <label for="f-check-text">{t('factcheck.web.text_label')}</label>
          <textarea
            id="f-check-text"
            name="text"
            rows={6}
            maxLength={10_000}
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="f-check-image">{t('factcheck.web.image_label')}</label>
          <input
            id="f-check-image"
            name="image"
            type="file"
            accept="image/*"
            onChange={(event) => setImage(event.currentTarget.files?.[0])}
          />
          {image && <small class="hint">{image.name}</small>}
        </div>
        <button class="button" type="submit" disabled={isBusy || (!text.trim() && !image)}>
          {isBusy ? t('factcheck.web.checking') : t('factcheck.web.check')}
        </button>
      </form>
      {error !== null && <ErrorNote error={error} />}
      {outcome?.kind === 'answer' && <ClarificationAnswer view={outcome.view} />}
      {outcome?.kind === 'none' && (
        <NoAnswer text={text.trim()} image={image} related={outcome.titles} />
      )}
      <p>
        <a href="/klarifikasi">{t('factcheck.web.list_link')}</a>
      </p>
    </Page>
  );
}

function NoAnswer(props: {
  text: string;
  image: File | undefined;
  related: Array<{ id: string; title: string; verdict: string }>;
}) {
  const { t } = useI18n(FACTCHECK_NAMESPACES);
  const [stations, setStations] = useState<Array<{ id: string; name: string }>>([]);
  const [stationId, setStationId] = useState('');
  const [sent, setSent] = useState<SubmittedTip | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    listStationsForTips().then(
      (list) => setStations(list.items.map((s) => ({ id: s.id, name: s.name }))),
      setError,
    );
  }, []);
  const send = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const submitted = await sendTip(stationId, props.text, props.image);
      rememberTip(submitted);
      setSent(submitted);
    } catch (failure) {
      setError(failure);
    }
  };
  if (sent) {
    return (
      <section class="factcheck-sent" aria-live="polite">
        <h2>{t('factcheck.web.tip_sent')}</h2>
        <p>{t('factcheck.web.tip_keep')}</p>
        <dl>
          <dt>{t('factcheck.web.tracking_code')}</dt>
          <dd class="tracking-code">{sent.trackingCode}</dd>
          <dt>{t('factcheck.web.secret')}</dt>
          <dd class="tracking-secret">{sent.secret}</dd>
        </dl>
        <a class="button" href={`/cek/lacak/${encodeURIComponent(sent.trackingCode)}`}>
          {t('factcheck.web.track_link')}
        </a>
      </section>
    );
  }
  return (
    <section class="factcheck-none">
      <h2>{t('factcheck.web.no_answer')}</h2>
      <p>{t('factcheck.web.no_answer_hint')}</p>
      {props.related.length > 0 && (
        <>
          <p>{t('factcheck.web.related')}</p>
          <ul>
            {props.related.map((item) => (
              <li key={item.id}>
                <a href={`/k/${encodeURIComponent(item.id)}`}>
                  [{item.verdict}] {item.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <form class="factcheck-tip" onSubmit={(event) => void send(event)}>
        <div class="field">
          <label for="f-tip-station">{t('factcheck.web.station_label')}</label>
          <select
            id="f-tip-station"
            name="stationId"
            required
            value={stationId}
            onChange={(event) => setStationId(event.currentTarget.value)}
          >
            <option value="">{t('factcheck.web.station_pick')}</option>
            {stations.map((station) => (
              <option key={station.id} value={station.id}>
                {station.name}
              </option>
            ))}
          </select>
        </div>
        <button class="button" type="submit" disabled={!stationId || !props.text}>
          {t('factcheck.web.send_tip')}
        </button>
      </form>
      {error !== null && <ErrorNote error={error} />}
    </section>
  );
}
