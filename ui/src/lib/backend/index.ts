// The ONLY module allowed to talk to Tauri. UI code imports from here.
import { invoke, isTauri } from "@tauri-apps/api/core";
import { toAppError } from "./errors";
import type { AppError, RegisterPage, RegisterQuery } from "./types";

export type * from "./types";
export { isAppError, toAppError } from "./errors";

const NO_BACKEND: AppError = {
  code: "noBackend",
  message: "Le moteur de l'application est indisponible : lancez Reclam via l'application de bureau.",
};

/** Invoke a backend command; any rejection is rethrown as an AppError. */
async function call<T>(cmd: string, args: Record<string, unknown>): Promise<T> {
  if (!isTauri()) throw NO_BACKEND;
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toAppError(e);
  }
}

/** One page of the complaints register. */
export function listComplaints(query: RegisterQuery): Promise<RegisterPage> {
  return call<RegisterPage>("list_complaints", { query });
}
