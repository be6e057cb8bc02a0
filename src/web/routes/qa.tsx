import { useRoute } from 'preact-iso';
import { QaLive } from '../features/qa/QaLive.js';

export { QaSessions } from '../features/qa/QaSessions.js';

export function QaSessionPage() {
  return <QaLive id={useRoute().params.id ?? ''} />;
}
