/** The pane's errors, each kept beside what failed (check, settings, build, template, navigate). */
import { useCallback, useState, type MutableRefObject } from "react";

/** Where an error belongs, so it is shown beside what failed. */
export type ErrorArea = "check" | "settings" | "build" | "template" | "navigate" | "watch";
export type Errors = Partial<Record<ErrorArea, string>>;

export function useErrors(mounted: MutableRefObject<boolean>): {
  errors: Errors;
  setError: (area: ErrorArea, message: string | null) => void;
} {
  const [errors, setErrors] = useState<Errors>({});
  const setError = useCallback(
    (area: ErrorArea, message: string | null) => {
      if (!mounted.current) return;
      setErrors((e) => ({ ...withoutArea(e, area), ...(message === null ? {} : { [area]: message }) }));
    },
    [mounted],
  );
  return { errors, setError };
}

function withoutArea(errors: Errors, area: ErrorArea): Errors {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => k !== area));
}
