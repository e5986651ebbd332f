/**
 * SpreadsheetML colours (ECMA-376 Part 1 §18.8.3 `color`) → `RRGGBB`: `rgb` (ARGB; Excel
 * ignores the alpha byte), `indexed` (the default palette of §18.8.27, or the workbook's own
 * `<indexedColors>`), `theme` (the theme part's colour scheme) and `tint` (lightening or
 * darkening in HLS, §18.8.3's formula with HLSMAX 255).
 */
import { parseXml } from "./xml";

/** The default indexed palette, ECMA-376 Part 1 §18.8.27; 64 and 65 are the system foreground and background. */
const DEFAULT_INDEXED: readonly string[] = [
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
  "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
  "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
  "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
  "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
  "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
  "000000", "FFFFFF",
];

/**
 * The theme's colour scheme in the order SpreadsheetML's `theme` index counts it. The
 * scheme lists dk1, lt1, dk2, lt2, but index 0 is lt1 ("Background 1") and 1 is dk1
 * ("Text 1"), and likewise 2/3: that is how Excel writes and reads the index (a fill of
 * `theme="0" tint="-0.05"` is Excel's "White, Background 1, Darker 5%", F2F2F2).
 */
const SCHEME_ORDER = ["lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"];

/** Theme colours by index (see SCHEME_ORDER), from a theme part (DrawingML `a:clrScheme`). */
export function readThemeColors(xml: string): string[] {
  const byName = new Map<string, string>();
  let current: string | null = null;
  let inScheme = false;
  parseXml(xml, {
    open(el) {
      if (el.ns !== "a") return;
      if (el.local === "clrScheme") inScheme = true;
      else if (inScheme && current === null && SCHEME_ORDER.includes(el.local)) current = el.local;
      else if (current !== null && !byName.has(current)) {
        // srgbClr has val; sysClr has the system colour's last value in lastClr.
        const hex = el.local === "srgbClr" ? el.attrs.val : el.local === "sysClr" ? el.attrs.lastClr : undefined;
        if (hex && /^[0-9a-fA-F]{6}$/.test(hex)) byName.set(current, hex.toUpperCase());
      }
    },
    close(el) {
      if (el.ns !== "a") return;
      if (el.local === "clrScheme") inScheme = false;
      else if (el.local === current) current = null;
    },
  });
  return SCHEME_ORDER.map((n) => byName.get(n) ?? "");
}

export interface ColorSpec {
  rgb?: string;
  indexed?: string;
  theme?: string;
  tint?: string;
  auto?: string;
}

export interface Palette {
  indexed: readonly string[];
  theme: readonly string[];
}

/** A colour element's attributes → RRGGBB, or undefined where it names no colour we can know. */
export function resolveColor(spec: ColorSpec, palette: Palette): string | undefined {
  let base: string | undefined;
  if (spec.rgb !== undefined) {
    const hex = spec.rgb.trim();
    if (/^[0-9a-fA-F]{8}$/.test(hex)) base = hex.slice(2).toUpperCase();
    else if (/^[0-9a-fA-F]{6}$/.test(hex)) base = hex.toUpperCase();
  } else if (spec.theme !== undefined) {
    const c = palette.theme[Number(spec.theme)];
    base = c ? c : undefined;
  } else if (spec.indexed !== undefined) {
    const i = Number(spec.indexed);
    base = Number.isInteger(i) ? (palette.indexed[i] ?? DEFAULT_INDEXED[i]) : undefined;
  } else if (spec.auto === "1" || spec.auto === "true") {
    base = "000000"; // the system foreground colour
  }
  if (base === undefined) return undefined;
  const tint = spec.tint === undefined ? 0 : Number(spec.tint);
  return Number.isFinite(tint) && tint !== 0 ? applyTint(base, tint) : base;
}

/**
 * ECMA-376 Part 1 §18.8.3 (tint): in HLS with HLSMAX 255, lum' = lum × (1 + tint) to darken
 * (tint < 0), lum × (1 − tint) + (HLSMAX − HLSMAX × (1 − tint)) to lighten; hue and
 * saturation kept. Worked in fractions of HLSMAX, rounded to whole RGB values at the end.
 */
export function applyTint(hex: string, tint: number): string {
  const t = Math.max(-1, Math.min(1, tint));
  const [h, l, s] = rgbToHls(parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16));
  const lum = t < 0 ? l * (1 + t) : l * (1 - t) + (1 - (1 - t));
  return hlsToRgb(h, Math.max(0, Math.min(1, lum)), s)
    .map((v) => Math.round(v * 255).toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

/** RGB (0–255) → hue, lightness, saturation (each 0–1). */
function rgbToHls(r255: number, g255: number, b255: number): [number, number, number] {
  const r = r255 / 255;
  const g = g255 / 255;
  const b = b255 / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, l, 0];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h: number;
  if (max === r) h = (g - b) / d + (g < b ? 6 : 0);
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return [h / 6, l, s];
}

function hlsToRgb(h: number, l: number, s: number): [number, number, number] {
  if (s === 0) return [l, l, l];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t0: number) => {
    let t = t0;
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  return [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)];
}
