const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** E-mail addresses. */
export function findEmails(text: string): Array<{ start: number; end: number }> {
  if (!text.includes('@')) return [];
  return [...text.matchAll(EMAIL)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}
