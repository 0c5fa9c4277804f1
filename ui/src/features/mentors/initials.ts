// Avatar initials that tell mentors apart: titles such as "Dr." or "Prof." are skipped, so
// "Dr. Amara Osei" is "AO", not "D".
const TITLES = new Set(["dr", "prof", "professor", "mr", "mrs", "ms", "mx", "sir", "dame"]);

export function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => w.length > 0 && !TITLES.has(w.replace(/\.$/, "").toLowerCase()));
  const first = words[0];
  if (first === undefined) return name.trim().charAt(0).toUpperCase();
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letter = (word: string) => (Array.from(word)[0] ?? "").toUpperCase();
  return letter(first) + (last ? letter(last) : "");
}
