import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { formReducer, initialForm, isDirty, visibleIssues, type FormState } from '../../utils/pages/options/form-state';
import { toJson, type Json } from '../../utils/pages/options/json';
import { underPolicy } from '../../utils/pages/options/locks';
import { missingOrigins, neededOrigins } from '../../utils/pages/options/permissions';
import type { OptionsPorts } from '../../utils/pages/options/ports';
import { validateSettings } from '../../utils/core/settings/validate';
import { fieldId, type FormNotice, type OptionsForm } from './form-context';
import { focusFirstProblem } from './focus-problem';

type Loaded = FormState | undefined;

/**
 * The options form's state and actions. The settings come from the ports (and follow every change
 * made elsewhere); saving validates the whole draft, asks for any host access it needs from the
 * same user gesture, and writes it all or nothing.
 */
export function useOptionsForm(ports: OptionsPorts): OptionsForm | undefined {
  const [state, dispatch] = useReducer((current: Loaded, action: Parameters<typeof formReducer>[1]): Loaded => {
    if (action.type === 'loaded') return current ? formReducer(current, action) : initialForm(action.editable);
    return current && formReducer(current, action);
  }, undefined);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<FormNotice | undefined>(undefined);
  // `undefined` until the browser has said: no "permission needed" flashes up while it answers.
  const [granted, setGranted] = useState<readonly string[] | undefined>(undefined);
  // Handlers run from clicks: they read the latest state, not the one they were created with.
  const latest = useRef(state);
  latest.current = state;

  useEffect(() => {
    const stop = new AbortController();
    ports.settings.follow((editable) => dispatch({ type: 'loaded', editable }), stop.signal);
    const refresh = () =>
      void ports.permissions.granted().then((origins) => !stop.signal.aborted && setGranted(origins));
    refresh();
    ports.permissions.onChange(refresh, stop.signal);
    return () => stop.abort();
  }, [ports]);

  const edit = useCallback((path: string, value: Json | undefined) => {
    dispatch({ type: 'edit', path, value });
    setNotice(undefined);
  }, []);
  const touch = useCallback((path: string) => dispatch({ type: 'touch', path }), []);
  const replace = useCallback((draft: Json, next: FormNotice) => {
    dispatch({ type: 'replace', draft });
    setNotice(next);
  }, []);
  const discard = useCallback(() => {
    dispatch({ type: 'discard' });
    setNotice({ kind: 'discarded' });
  }, []);
  const requestAccess = useCallback((origins: readonly string[]) => ports.permissions.request(origins), [ports]);

  const save = useCallback(() => {
    const current = latest.current;
    // Nothing to save (Save is drawn disabled then, and Ctrl+S does nothing).
    if (!current || !isDirty(current)) return;
    const result = validateSettings(current.draft);
    if (!result.ok) {
      dispatch({ type: 'refused' });
      setNotice({ kind: 'refused', count: result.error.issues.length });
      // After the errors have rendered.
      requestAnimationFrame(() =>
        focusFirstProblem(
          result.error.issues.map((issue) => issue.field),
          fieldId,
        ),
      );
      return;
    }
    const running = validateSettings(underPolicy(toJson(result.settings), current.effective, current.locked));
    const missing = missingOrigins(neededOrigins(running.ok ? running.settings : result.settings), granted ?? []);
    // Asked before anything is awaited: the prompt needs this click's gesture.
    const asked = missing.length > 0 ? ports.permissions.request(missing) : Promise.resolve(true);
    setSaving(true);
    void asked
      .then(async (allowed) => {
        const saved = await ports.settings.save(current.draft);
        if (!saved.ok) {
          setNotice({ kind: 'save-failed', detail: saved.error.message });
          return;
        }
        dispatch({ type: 'saved', settings: toJson(saved.settings) });
        setNotice(allowed ? { kind: 'saved' } : { kind: 'saved-without-access', origins: missing });
      })
      .catch((error: unknown) => setNotice({ kind: 'save-failed', detail: String(error) }))
      .finally(() => setSaving(false));
  }, [ports, granted]);

  const shownIssues = useMemo(() => (state ? visibleIssues(state) : []), [state]);
  const candidate = useMemo(() => (state ? underPolicy(state.draft, state.effective, state.locked) : null), [state]);
  const dirty = useMemo(() => (state ? isDirty(state) : false), [state]);
  if (!state || !granted) return undefined;
  return {
    state,
    candidate,
    ports,
    shownIssues,
    dirty,
    saving,
    notice,
    granted,
    edit,
    touch,
    replace,
    discard,
    note: setNotice,
    save,
    requestAccess,
  };
}
