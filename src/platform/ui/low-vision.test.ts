import { describe, expect, it } from 'vitest';
import { lowVisionClasses, lowVisionOff, parseLowVision, serializeLowVision } from './low-vision.ts';

describe('low-vision cookie', () => {
  it('reads no cookie as the ordinary site', () => {
    expect(parseLowVision(undefined)).toEqual(lowVisionOff);
    expect(lowVisionClasses(lowVisionOff)).toEqual([]);
  });

  it('round-trips every setting', () => {
    const lv = { size: 'xlarge', images: false, spacing: true, scheme: 'blue' } as const;
    expect(serializeLowVision(lv)).toBe('xlarge.0.1.blue');
    expect(parseLowVision('xlarge.0.1.blue')).toEqual({ on: true, ...lv });
  });

  it('reads the older three-part value and tampered parts as safe defaults', () => {
    expect(parseLowVision('large.1.0')).toEqual({
      on: true,
      size: 'large',
      images: true,
      spacing: false,
      scheme: 'white',
    });
    expect(parseLowVision('<script>.x.y.red')).toEqual({
      on: true,
      size: 'normal',
      images: true,
      spacing: false,
      scheme: 'white',
    });
  });

  it('names the classes app.scss styles', () => {
    expect(lowVisionClasses(parseLowVision('large.0.1.black'))).toEqual([
      'low-vision',
      'low-vision--large',
      'low-vision--scheme-black',
      'low-vision--no-images',
      'low-vision--spacing',
    ]);
  });
});
