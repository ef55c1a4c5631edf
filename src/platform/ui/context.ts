import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Actor } from '../authz/index.ts';
import type { Locale, Translate } from '../i18n/index.ts';

/** What every view may read about the request it renders for. */
export type ViewContext = {
  locale: Locale;
  t: Translate;
  actor: Actor;
  /** the request path with its query, for the language switch and "return to" links */
  url: string;
  csrfToken: string;
  /** the version for the visually impaired (larger text, high contrast, spacing, images off) */
  lowVision: {
    on: boolean;
    size: 'normal' | 'large' | 'xlarge';
    images: boolean;
    spacing: boolean;
    /** high-contrast colours: black on white, white on black, dark blue on light blue */
    scheme: 'white' | 'black' | 'blue';
  };
  kiosk: boolean;
  flash?: { kind: 'success' | 'info'; text: string } | undefined;
};

export const ViewCtx = createContext<ViewContext | null>(null);

export function useView(): ViewContext {
  const v = useContext(ViewCtx);
  if (!v) throw new Error('useView() outside a rendered page');
  return v;
}
