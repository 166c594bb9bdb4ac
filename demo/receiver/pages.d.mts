import type { StoredConsentRecord } from '../../src/server/index.js';

export function adminPage(options: { records: StoredConsentRecord[]; total: number; page: number }): string;
export function myRecordsPage(options: { consentId: string | null; records: StoredConsentRecord[]; erased: string | null }): string;
export function toCsv(records: StoredConsentRecord[]): string;
