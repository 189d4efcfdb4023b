/**
 * Figure drift: compares a figure of this run with the figure a manual writer approved (PNG both), with
 * pixelmatch. Masked areas (data that legitimately changes: dates, counts, the user's name) are painted the
 * same colour in both before comparing, so they never count. The result says whether the figure changed, how
 * much (share of pixels), and, for a changed figure, a diff image (changes in red over a faded copy) and a
 * side-by-side image (approved | fresh with the changed area framed | diff) a person can read.
 */
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** A rectangle in image pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DriftOptions {
  /** The largest share of changed pixels (0–1) still taken as unchanged (anti-aliasing, sub-pixel text). */
  readonly tolerance: number;
  /** pixelmatch's per-pixel colour threshold (0–1; smaller is stricter). */
  readonly threshold?: number;
  /** Areas left out of the comparison. */
  readonly masks?: readonly Box[];
}

export interface DriftResult {
  readonly status: 'unchanged' | 'changed';
  /** Share of the compared pixels that differ (0–1); 1 when the sizes differ. */
  readonly ratio: number;
  readonly changedPixels: number;
  /** Both sizes, when they differ (`approved` first). */
  readonly sizes?: { readonly approved: string; readonly fresh: string };
  /** The bounding box of the changes, in the fresh figure's pixels. */
  readonly changedArea?: Box;
  /** Only for a changed figure (the images of an unchanged one are not worth encoding on every run). */
  readonly images?: {
    /** Changes in red over a faded copy of the fresh figure (PNG). */
    readonly diff: Buffer;
    /** approved | fresh (changed area framed) | diff, side by side (PNG). */
    readonly sideBySide: Buffer;
  };
}

const MASK_COLOUR = [255, 0, 255, 255] as const;
// Orange: the manual's own red boxes are red.
const FRAME_COLOUR = [255, 140, 0, 255] as const;
const GAP = 12;

export const readPng = (buffer: Buffer): PNG => PNG.sync.read(buffer);
export const writePng = (png: PNG): Buffer => PNG.sync.write(png);

/** A copy of `png` with the given size, the extra area white (for comparing figures of different sizes). */
function padded(png: PNG, width: number, height: number): PNG {
  const out = new PNG({ width, height });
  out.data.fill(255);
  PNG.bitblt(png, out, 0, 0, Math.min(png.width, width), Math.min(png.height, height), 0, 0);
  return out;
}

function fillBox(png: PNG, box: Box, colour: readonly number[]): void {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(png.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(png.height, Math.ceil(box.y + box.height));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) png.data.set(colour, (y * png.width + x) * 4);
  }
}

function frameBox(png: PNG, box: Box, colour: readonly number[], thickness = 3): void {
  const { x, y, width, height } = box;
  const t = thickness;
  fillBox(png, { x: x - t, y: y - t, width: width + 2 * t, height: t }, colour);
  fillBox(png, { x: x - t, y: y + height, width: width + 2 * t, height: t }, colour);
  fillBox(png, { x: x - t, y: y - t, width: t, height: height + 2 * t }, colour);
  fillBox(png, { x: x + width, y: y - t, width: t, height: height + 2 * t }, colour);
}

/** The bounding box of the pixels pixelmatch marked as changed (its diff colour is pure red). */
function changedArea(diff: PNG): Box | undefined {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < diff.height; y++) {
    for (let x = 0; x < diff.width; x++) {
      const i = (y * diff.width + x) * 4;
      if (diff.data[i] === 255 && diff.data[i + 1] === 0 && diff.data[i + 2] === 0) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
    }
  }
  return x1 < 0 ? undefined : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

function sideBySide(panels: readonly PNG[]): PNG {
  const height = Math.max(...panels.map((p) => p.height));
  const width = panels.reduce((sum, p) => sum + p.width, 0) + GAP * (panels.length - 1);
  const out = new PNG({ width, height });
  out.data.fill(255);
  let x = 0;
  for (const panel of panels) {
    PNG.bitblt(panel, out, 0, 0, panel.width, panel.height, x, 0);
    x += panel.width + GAP;
  }
  return out;
}

/** Compares the approved figure with this run's. Both are PNG files' bytes. */
export function compareFigures(approvedBytes: Buffer, freshBytes: Buffer, options: DriftOptions): DriftResult {
  const approvedIn = readPng(approvedBytes);
  const freshIn = readPng(freshBytes);
  const sameSize = approvedIn.width === freshIn.width && approvedIn.height === freshIn.height;
  const width = Math.max(approvedIn.width, freshIn.width);
  const height = Math.max(approvedIn.height, freshIn.height);
  const approved = padded(approvedIn, width, height);
  const fresh = padded(freshIn, width, height);
  for (const box of options.masks ?? []) {
    fillBox(approved, box, MASK_COLOUR);
    fillBox(fresh, box, MASK_COLOUR);
  }
  const diff = new PNG({ width, height });
  const changedPixels = pixelmatch(approved.data, fresh.data, diff.data, width, height, {
    threshold: options.threshold ?? 0.1,
    includeAA: false,
    alpha: 0.15,
    diffColor: [255, 0, 0],
  });
  const ratio = sameSize ? changedPixels / (width * height) : 1;
  const changed = ratio > options.tolerance;
  const area = changedPixels > 0 ? changedArea(diff) : undefined;
  let images: DriftResult['images'];
  if (changed) {
    const framed = padded(freshIn, width, height);
    if (area) frameBox(framed, area, FRAME_COLOUR);
    images = { diff: writePng(diff), sideBySide: writePng(sideBySide([approved, framed, diff])) };
  }
  return {
    status: changed ? 'changed' : 'unchanged',
    ratio,
    changedPixels,
    ...(sameSize ? {} : { sizes: { approved: `${approvedIn.width}×${approvedIn.height}`, fresh: `${freshIn.width}×${freshIn.height}` } }),
    ...(area ? { changedArea: area } : {}),
    ...(images ? { images } : {}),
  };
}
