import { useState } from 'preact/hooks';

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * A form's submit: busy while it runs, the error's message (a thrown Error is
 * what the person reads) when it fails. One behaviour for every form.
 */
export function useSubmit(action: () => Promise<void>): {
  busy: boolean;
  error: string;
  submit: (event?: Event) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  async function submit(event?: Event) {
    event?.preventDefault();
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, submit };
}
