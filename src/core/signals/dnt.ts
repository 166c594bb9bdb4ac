type LegacyNavigator = Navigator & { msDoNotTrack?: unknown };

/** Do Not Track, including the spellings of older browsers (`window.doNotTrack`, `msDoNotTrack`). */
export function doNotTrack(win: Window | undefined): boolean {
  const nav = win?.navigator as LegacyNavigator | undefined;
  const value = nav?.doNotTrack ?? (win as (Window & { doNotTrack?: unknown }) | undefined)?.doNotTrack ?? nav?.msDoNotTrack;
  return value === '1' || value === 'yes';
}
