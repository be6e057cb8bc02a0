export { StatsDashboard } from '../features/stats/StatsDashboard.js';
