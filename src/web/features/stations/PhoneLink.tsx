import type { Phone } from '../../../common/api/areas.js';
import { telUri } from '../../../common/domain/stations.js';

/** A tap-to-call button showing the number as Indonesians write it. */
export function PhoneLink({ phone }: { phone: Phone }) {
  return (
    <a class="button button-small tap" href={telUri(phone.number)}>
      {phone.label}: {phone.display}
    </a>
  );
}
