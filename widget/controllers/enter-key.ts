/**
 * Enter on a radio button or checkbox would send the form (the browser's implicit submission) before
 * the last question. It moves on to the next question instead, or to the form's button after the last.
 */
export function enterMovesOn(e: KeyboardEvent): void {
  const input = e.composedPath()[0];
  if (e.key !== 'Enter' || !(input instanceof HTMLInputElement) || (input.type !== 'radio' && input.type !== 'checkbox')) return;
  e.preventDefault();
  const form = input.form ?? input.closest('form');
  const question = input.closest('.question');
  if (!form || !question) return;
  const questions = [...form.querySelectorAll('.question')];
  const after = questions.slice(questions.indexOf(question) + 1).find((q) => q.querySelector('input, textarea'));
  const target = after?.querySelector<HTMLElement>('input:checked, input, textarea') ?? form.querySelector<HTMLElement>('button.primary');
  target?.focus();
}
