/** The element's name, in a module of its own: the script tag's main file uses it without the element's code. */
export const TAG_NAME = 'cookie-consent';
