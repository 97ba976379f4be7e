/** Replies that opt a client out of texts, as carriers and Twilio recognise them (the whole message). */
const OPT_OUT_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
/** Replies that opt them back in. */
const OPT_IN_WORDS = new Set(['START', 'UNSTOP', 'YES']);

export type ReplyAction = 'opt_out' | 'opt_in';

/** What a reply asks for: a keyword alone, in any case, with trailing punctuation ignored. */
export function replyAction(body: string): ReplyAction | null {
  const word = body.trim().replace(/[\s.!]+$/u, '').toUpperCase();
  if (OPT_OUT_WORDS.has(word)) return 'opt_out';
  if (OPT_IN_WORDS.has(word)) return 'opt_in';
  return null;
}
