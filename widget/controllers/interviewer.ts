import type { TemplateResult } from 'lit';

export type InterviewState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'failed'; code: string };

/** One interview as the import takes it, without its channel and day (the interviewer's choices add those). */
export interface InterviewLine {
  submissionId: string;
  questionnaireId: string;
  version: number;
  answers: Record<string, unknown>;
  context: Record<string, string>;
}

/**
 * What `<peil-survey>` asks of interviewer entry. Only the type lives here: the implementation and its
 * texts (InterviewController) are in the interviewer's bundle alone.
 */
export interface Interviewer {
  readonly state: InterviewState;
  token(given: string): string;
  ready(): boolean;
  send(api: string, token: string, line: InterviewLine): Promise<InterviewState>;
  next(): void;
  render(): TemplateResult;
  renderDone(onNext: () => void): TemplateResult;
}
