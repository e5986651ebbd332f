import { decimalFromNumber, decimalToNumber, roundDecimal } from "./decimal";

export function roundHalfUp(x: number, dp: number): number {
  if (typeof x !== "number" || !Number.isFinite(x)) return x;
  const places = Number.isFinite(dp) ? Math.max(0, Math.min(20, Math.trunc(dp))) : 0;
  // Whole numbers (most progress figures and every pence total) need no decimal arithmetic.
  if (Number.isInteger(x)) return x;
  const d = decimalFromNumber(x);
  if (d === null) return x;
  return decimalToNumber(roundDecimal(d, places));
}
