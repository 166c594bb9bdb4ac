/**
 * Sent in every consent record, so a backend can tell which text and behaviour a visitor saw.
 * Kept equal to package.json's version by test/server/record-schema.node.test.ts.
 */
export const WIDGET_VERSION = '0.1.0';
