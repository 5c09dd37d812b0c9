/** A form's error, announced at once (role=alert); nothing when there is none. */
export function ErrorAlert({ error }: { error: string }) {
  if (!error) return null;
  return (
    <p role="alert" class="error">
      {error}
    </p>
  );
}
