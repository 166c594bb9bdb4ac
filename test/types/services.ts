// Services in the configuration, the decision and set(): category and service ids in one choice.
import type { CategoryConfig, ConsentChoice, ConsentDecision, ServiceConfig } from 'cookie-consent-widget';
import { getConsentManager } from 'cookie-consent-widget';

const heatmap: ServiceConfig = { id: 'heatmap', label: 'Heatmap', provider: 'Heat Ltd.', policyUrl: 'https://heat.example/privacy', erase: ['hm_*'] };
const analytics: CategoryConfig = { id: 'analytics', services: [{ id: 'statistics' }, heatmap] };
void analytics;

const manager = getConsentManager();
const choice: ConsentChoice = { analytics: true, heatmap: false };
void manager.set(choice).then((decision: ConsentDecision) => decision.services?.['heatmap']);
const granted: boolean = manager.granted('heatmap');
void granted;
void manager.whenGranted('statistics');

// @ts-expect-error -- a service has no `required`: only categories are strictly necessary
const required: ServiceConfig = { id: 'login', required: true };
void required;
// @ts-expect-error -- a choice is true or false per id
void manager.set({ heatmap: 'yes' });
