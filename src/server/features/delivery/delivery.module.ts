import type { FeatureModule } from '../../module.js';
import { recordStreamDelivery } from './delivery.service.js';

export const deliveryModule: FeatureModule = {
  name: 'delivery',
  // Counts what each node's stream hub wrote, for the alert's delivery figures.
  onStreamDelivered: recordStreamDelivery,
};
