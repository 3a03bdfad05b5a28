import { PeilDashboard } from './peil-dashboard.js';

if (!customElements.get('peil-dashboard')) customElements.define('peil-dashboard', PeilDashboard);
