// Avatar initials that tell mentors apart: titles such as "Dr." or "Prof." are skipped, so
// "Dr. Amara Osei" is "AO", not "D". Only letters count: a name written with an emoji or a
// bracket first ("😊 Sam Lee", "(Sam) Lee") still gives "SL". A letter is a whole grapheme, so an
// accent typed as a combining mark stays on its letter.
const TITLES = new Set(["dr", "prof", "professor", "mr", "mrs", "ms", "mx", "sir", "dame"]);
const LETTER = /^\p{L}/u;

function graphemes(text: string): string[] {
  return Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text), (s) => s.segment);
}

/** The first letter of a word (skipping anything before it), or "" when it has none. */
function firstLetter(word: string): string {
  return (graphemes(word).find((g) => LETTER.test(g)) ?? "").toLocaleUpperCase();
}

export function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => firstLetter(w) !== "");
  const named = words.filter((w) => !TITLES.has(w.replace(/\.$/, "").toLowerCase()));
  const first = named[0];
  // Only a title ("Dr."): its letter; no letter at all (an emoji alone): the first character, or "?".
  if (first === undefined) return firstLetter(words[0] ?? "") || (graphemes(name.trim())[0] ?? "?");
  const last = named.length > 1 ? named[named.length - 1] : undefined;
  return firstLetter(first) + (last ? firstLetter(last) : "");
}
