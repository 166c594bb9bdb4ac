// cookie-consent-widget/react: useConsent() and an effect that listens to the manager and cleans up.
import { useEffect } from 'react';
import type { ConsentChangeDetail, ConsentDecision } from 'cookie-consent-widget';
import { getConsentManager, useConsent, type ConsentState } from 'cookie-consent-widget/react';

export function useAnalyticsConsent(): boolean {
  const { decision, granted, manager }: ConsentState = useConsent();
  const current: ConsentDecision | null = decision;
  void current;
  useEffect(() => {
    const onChange = (event: CustomEvent<ConsentChangeDetail>) => console.log(event.detail.changed);
    manager.addEventListener('consent-change', onChange);
    return () => manager.removeEventListener('consent-change', onChange);
  }, [manager]);
  return granted('analytics');
}

useConsent(getConsentManager());
// @ts-expect-error -- decision is null before a decision and on the server
useConsent().decision.categories;
// @ts-expect-error -- granted() takes the id of a category
useConsent().granted();
// @ts-expect-error -- the argument is a manager, not a configuration
useConsent({ revision: 1, policyUrl: '/privacy' });
