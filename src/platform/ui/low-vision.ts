import type { ViewContext } from './context.ts';

/**
 * The version for the visually impaired, kept in the cookie `lv` as
 * `<size>.<images 1|0>.<spacing 1|0>.<scheme>` (e.g. `large.1.0.black`);
 * no cookie means the ordinary site. Older three-part values read as the white scheme.
 */
export type LowVision = ViewContext['lowVision'];
export const lowVisionCookie = 'lv';
export const textSizes = ['normal', 'large', 'xlarge'] as const;
export const colourSchemes = ['white', 'black', 'blue'] as const;

export const lowVisionOff: LowVision = Object.freeze({
  on: false,
  size: 'normal',
  images: true,
  spacing: false,
  scheme: 'white',
});

export function parseLowVision(raw: string | undefined): LowVision {
  if (!raw) return lowVisionOff;
  const [size, images, spacing, scheme] = raw.split('.');
  return {
    on: true,
    size: (textSizes as readonly string[]).includes(size ?? '') ? (size as LowVision['size']) : 'normal',
    images: images !== '0',
    spacing: spacing === '1',
    scheme: (colourSchemes as readonly string[]).includes(scheme ?? '')
      ? (scheme as LowVision['scheme'])
      : 'white',
  };
}

export function serializeLowVision(lv: Omit<LowVision, 'on'>): string {
  return `${lv.size}.${lv.images ? 1 : 0}.${lv.spacing ? 1 : 0}.${lv.scheme}`;
}

/** Classes on <html> that app.scss styles. */
export function lowVisionClasses(lv: LowVision): string[] {
  if (!lv.on) return [];
  return [
    'low-vision',
    `low-vision--${lv.size}`,
    `low-vision--scheme-${lv.scheme}`,
    lv.images ? '' : 'low-vision--no-images',
    lv.spacing ? 'low-vision--spacing' : '',
  ].filter(Boolean);
}
