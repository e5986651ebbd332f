/** Whether the pane is still on screen: async work never updates an unmounted pane. */
import { useEffect, useRef, type MutableRefObject } from "react";

export function useMounted(): MutableRefObject<boolean> {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}

/** The latest value of a prop, for callbacks that must not change when it does. */
export function useLatest<T>(value: T): MutableRefObject<T> {
  const ref = useRef(value);
  // Set while rendering, so work started in this render's effects already sees it.
  ref.current = value;
  return ref;
}
