/**
 * A stated RAG shown by fill colour (action-plans-and-risks.md §10, The stated RAG): the
 * cell's solid fill (hosts resolve theme colours with their tint into `fill`), in HSL.
 * Lightness above 95% or below 10%, or no fill, is no stated RAG; saturation below 15% is
 * grey; otherwise the nearest of the hues red 0°, amber 40°, green 120°, blue 220° (so
 * Excel's yellow FFFF00 and orange FFC000 are amber, its light green 92D050 green).
 */
import type { Rag } from "../../records";

/** The RAG hues, in the order that breaks a tie (a hue exactly between two takes the first). */
const HUES: readonly [number, Rag][] = [
  [0, "red"],
  [40, "amber"],
  [120, "green"],
  [220, "blue"],
];

/** Hue in degrees (0–360) of an RGB colour with some saturation. */
function hue(r: number, g: number, b: number, max: number, d: number): number {
  let h: number;
  if (max === r) h = ((g - b) / d) % 6;
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

/** The RAG a fill colour (`RRGGBB`) shows; null for no fill, near-white or near-black. */
export function ragOfFill(fill: string | undefined): Rag | null {
  if (fill === undefined || !/^[0-9A-Fa-f]{6}$/.test(fill)) return null;
  const r = parseInt(fill.slice(0, 2), 16);
  const g = parseInt(fill.slice(2, 4), 16);
  const b = parseInt(fill.slice(4, 6), 16);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  // In whole numbers (0–255 a channel) so the boundaries are exact: lightness = (max + min) / 510.
  const sum = max + min;
  if (sum * 20 > 19 * 510 || sum * 10 < 510) return null;
  const d = max - min;
  // Saturation d / (1 − |2L − 1|), scaled: the denominator is sum below mid-lightness, 510 − sum above.
  const denominator = sum <= 255 ? sum : 510 - sum;
  if (d === 0 || 100 * d < 15 * denominator) return "grey";
  const h = hue(r, g, b, max, d);
  let best: Rag = "red";
  let bestDistance = Infinity;
  for (const [at, rag] of HUES) {
    const distance = Math.min(Math.abs(h - at), 360 - Math.abs(h - at));
    if (distance < bestDistance) {
      best = rag;
      bestDistance = distance;
    }
  }
  return best;
}
