/** Display of file sizes and durations on the import page; pure and locale-aware. */

const UNITS = [
  { unit: "gigabyte", bytes: 1024 ** 3 },
  { unit: "megabyte", bytes: 1024 ** 2 },
  { unit: "kilobyte", bytes: 1024 },
] as const;

/** A file size in the largest unit it reaches (binary multiples, at least kB), one decimal: "1.5 MB", "0.4 kB". */
export function formatFileSize(locale: string, bytes: number): string {
  const step = UNITS.find((u) => bytes >= u.bytes) ?? UNITS[2];
  const [value, unit] = [bytes / step.bytes, step.unit];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(
    value,
  );
}

/** A time left, rounded up: seconds under a minute, minutes under an hour, then hours and minutes. */
export function formatDuration(locale: string, seconds: number): string {
  const unit = (value: number, name: "second" | "minute" | "hour") =>
    new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }).format(value);
  const whole = Math.max(0, Math.ceil(seconds));
  if (whole < 60) return unit(whole, "second");
  if (whole < 3600) return unit(Math.ceil(whole / 60), "minute");
  const minutes = Math.ceil(whole / 60);
  return `${unit(Math.floor(minutes / 60), "hour")} ${unit(minutes % 60, "minute")}`;
}
