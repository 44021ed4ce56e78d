import type { AppError } from "./types";

/** True when `e` already has the AppError shape ({ code: string, message: string }). */
export function isAppError(e: unknown): e is AppError {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as { code?: unknown }).code === "string" &&
    typeof (e as { message?: unknown }).message === "string"
  );
}

/**
 * Normalise any thrown value into an AppError, keeping `field` when it is a non-empty string
 * and `fields` (every refused field, when the core refused several at once).
 */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) {
    const field = (e as { field?: unknown }).field;
    const fields = (e as { fields?: unknown }).fields;
    const out: AppError = { code: e.code, message: e.message };
    if (typeof field === "string" && field !== "") out.field = field;
    if (Array.isArray(fields) && fields.length > 1) {
      out.fields = fields.filter(
        (f): f is { field: string; message: string } =>
          typeof f === "object" && f !== null && typeof f.field === "string" && typeof f.message === "string",
      );
    }
    return out;
  }
  return { code: "unknown", message: String(e) };
}

/** The user cancelled the long operation that refused with `e`: nothing was done. */
export function isCancelled(e: unknown): boolean {
  return isAppError(e) && e.code === "cancelled";
}
