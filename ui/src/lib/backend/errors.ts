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

/** Normalise any thrown value into an AppError (keeping `field` when it is a non-empty string). */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) {
    const field = (e as { field?: unknown }).field;
    return typeof field === "string" && field !== ""
      ? { code: e.code, message: e.message, field }
      : { code: e.code, message: e.message };
  }
  return { code: "unknown", message: String(e) };
}
