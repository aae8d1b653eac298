import { useEffect, useRef, useState } from "react";
import { changedSince, onWorkbookChanged } from "../addin/service";

/**
 * Whether the officer changed the workbook's values since the run that reported `fingerprint` (null: nothing scored).
 * Excel reports every change of values, ours included; each report is checked against the fingerprint, one check at a
 * time (reports arriving meanwhile make one more check), and none while a run is under way: the run's own
 * fingerprint decides then. Watching starts once per pane; a host that cannot report changes never prompts.
 */
export function useWorkbookChanged(fingerprint: string | null, busy: boolean): boolean {
  const [changed, setChanged] = useState(false);
  const state = useRef({ fingerprint, busy, checking: false, again: false });
  state.current.fingerprint = fingerprint;
  state.current.busy = busy;

  const check = useRef(async () => {
    const s = state.current;
    if (s.checking || s.busy || s.fingerprint === null) {
      s.again = s.fingerprint !== null;
      return;
    }
    s.checking = true;
    s.again = false;
    const against = s.fingerprint;
    try {
      const differs = await changedSince(against);
      if (state.current.fingerprint === against) setChanged(differs);
    } catch {
      // A check that fails (the workbook closing, Excel busy) says nothing; the next change checks again.
    } finally {
      s.checking = false;
      if (s.again) void check.current();
    }
  });

  useEffect(() => {
    onWorkbookChanged(() => void check.current()).catch(() => undefined);
  }, []);

  // A new run is current by definition; a change reported while it ran is checked once it is done.
  useEffect(() => setChanged(false), [fingerprint]);
  useEffect(() => {
    if (!busy && state.current.again) void check.current();
  }, [busy]);

  return changed;
}
