import { useId } from 'preact/hooks';

interface Props {
  label: string;
  value: string;
  onInput: (value: string) => void;
  autoComplete: 'new-password' | 'current-password';
  autoFocus?: boolean;
  describedBy?: string;
}

export function PassphraseField({ label, value, onInput, autoComplete, autoFocus, describedBy }: Props) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="password"
        value={value}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        aria-describedby={describedBy}
        onInput={(e) => onInput(e.currentTarget.value)}
        required
      />
    </div>
  );
}
