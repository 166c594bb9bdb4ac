/** The widget's own IndexedDB database: receipts and the outbox of consent records. */
export const DATABASE_NAME = 'cookie-consent-widget';
